package org.bomrl.envs.navigation;

/**
 * The rules of one 2-D navigation task: the agent starts at the origin, its action is a velocity
 * clipped per coordinate to [−v, v] (v = {@code maxSpeed}), p_{t+1} = p_t + clip(u_t), the reward
 * is r_t = −‖p_{t+1} − g‖₂, episodes are truncated after H steps and, when
 * {@code terminateWithin} d &gt; 0, terminated once ‖p_{t+1} − g‖₂ ≤ d.
 *
 * <p><b>Optimum.</b> The positions reachable in k steps from the origin form the box [−kv, kv]²
 * (a Minkowski sum of k boxes [−v, v]²), so ‖p_k − g‖ ≥ dist(g, [−kv, kv]²) for every policy and
 * every k. The greedy policy π*(p) = clip(g − p, −v, v) attains p_k = clip(g, −kv, kv) for every k
 * at once: each coordinate moves at full speed until it reaches its goal coordinate, the last step
 * covering the remaining fraction, the other coordinate going on alone if it is farther. Every
 * reward is therefore maximal, and so is every discounted sum of them:
 * <pre>
 *   J* = −Σ_{t=0}^{T−1} γ^t ‖g − clip(g, −(t+1)v, (t+1)v)‖₂,
 * </pre>
 * with T = H, or with termination the first t + 1 at which that distance is ≤ d (the greedy path
 * also terminates first, and only negative rewards are cut off).
 *
 * @param goalX g_1
 * @param goalY g_2
 * @param maxSpeed v &gt; 0
 * @param horizon H ≥ 1
 * @param gamma γ ∈ [0, 1]
 * @param terminateWithin d ≥ 0; 0 never terminates
 */
record NavigationRules(double goalX, double goalY, double maxSpeed, int horizon, double gamma, double terminateWithin)
{
    NavigationRules
    {
        if (!Double.isFinite(goalX) || !Double.isFinite(goalY)) {
            throw new IllegalArgumentException("goal (" + goalX + ", " + goalY + ") is not finite");
        }
        if (!(maxSpeed > 0) || !Double.isFinite(maxSpeed)) {
            throw new IllegalArgumentException("maxSpeed = " + maxSpeed + " must be positive and finite");
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon = " + horizon + " must be at least 1");
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma = " + gamma + " is not a discount in [0, 1]");
        }
        if (!(terminateWithin >= 0) || !Double.isFinite(terminateWithin)) {
            throw new IllegalArgumentException("terminateWithin = " + terminateWithin + " must be a finite distance ≥ 0");
        }
    }

    /** −‖p − g‖₂. */
    double reward(double x, double y)
    {
        return -Math.hypot(x - goalX, y - goalY);
    }

    /** Whether an episode ends on entering (x, y). */
    boolean terminates(double x, double y)
    {
        return terminateWithin > 0 && Math.hypot(x - goalX, y - goalY) <= terminateWithin;
    }

    /** clip(u, −v, v). */
    double clip(double velocity)
    {
        return Math.max(-maxSpeed, Math.min(maxSpeed, velocity));
    }

    /** π*(p) = clip(g − p, −v, v) into {@code out}. */
    void optimalAction(double[] position, double[] out)
    {
        out[0] = clip(goalX - position[0]);
        out[1] = clip(goalY - position[1]);
    }

    /** J* of the class comment. */
    double optimalReturn()
    {
        double total = 0;
        double discount = 1;
        for (int t = 0; t < horizon; t++) {
            double reach = (t + 1) * maxSpeed;
            double x = Math.max(-reach, Math.min(reach, goalX));
            double y = Math.max(-reach, Math.min(reach, goalY));
            total += discount * reward(x, y);
            if (terminates(x, y)) {
                break;
            }
            discount *= gamma;
        }
        return total;
    }
}
