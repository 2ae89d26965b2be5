package org.bomrl.envs.frozenlake;

import java.util.ArrayDeque;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A Frozen Lake grid, as Gymnasium's {@code desc}: rows of {@code S} (start), {@code F} (frozen),
 * {@code H} (hole) and {@code G} (goal). State s = row·ncol + col. Moves are clamped at the border,
 * as Gymnasium's {@code inc}: LEFT col−1, DOWN row+1, RIGHT col+1, UP row−1. Immutable.
 *
 * <p>The compact constructor rejects an empty grid, rows of different lengths, any other letter
 * (naming its 0-based row and column) and a grid without exactly one S and one G; a path from S to
 * G is not required here ({@link #hasPath()}).
 */
record LakeMap(List<String> rows)
{
    static final int LEFT = 0;
    static final int DOWN = 1;
    static final int RIGHT = 2;
    static final int UP = 3;
    /** |A| = 4 directions. */
    static final int DIRECTIONS = 4;

    LakeMap
    {
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
        if (rows.isEmpty() || rows.get(0).isEmpty()) {
            throw new IllegalArgumentException("the map is empty");
        }
        int ncol = rows.get(0).length();
        int starts = 0;
        int goals = 0;
        for (int row = 0; row < rows.size(); row++) {
            String line = rows.get(row);
            if (line.length() != ncol) {
                throw new IllegalArgumentException("row " + row + " has " + line.length() + " cells but row 0 has " + ncol);
            }
            for (int col = 0; col < ncol; col++) {
                char cell = line.charAt(col);
                switch (cell) {
                    case 'S' -> starts++;
                    case 'G' -> goals++;
                    case 'F', 'H' -> { }
                    default -> throw new IllegalArgumentException("cell (row " + row + ", col " + col + ") is '" + cell
                            + "': expected S, F, H or G");
                }
            }
        }
        if (starts != 1 || goals != 1) {
            throw new IllegalArgumentException("the map needs exactly one S and one G, found " + starts + " S and " + goals + " G");
        }
    }

    /** A map from comma-separated rows, e.g. {@code SFFF,FHFH,FFFH,HFFG}. */
    static LakeMap parse(String text)
    {
        return new LakeMap(List.of(requireNonNull(text, "text is null").split(",", -1)));
    }

    int nrow()
    {
        return rows.size();
    }

    int ncol()
    {
        return rows.get(0).length();
    }

    /** |S| = nrow·ncol. */
    int states()
    {
        return nrow() * ncol();
    }

    /** The letter of state s. */
    char cell(int state)
    {
        return rows.get(state / ncol()).charAt(state % ncol());
    }

    /** Whether state s is a hole or the goal (Gymnasium's terminal cells). */
    boolean holeOrGoal(int state)
    {
        char cell = cell(state);
        return cell == 'H' || cell == 'G';
    }

    int start()
    {
        return find('S');
    }

    int goal()
    {
        return find('G');
    }

    /** The state reached from s by moving one cell in {@code direction}, clamped at the border. */
    int move(int state, int direction)
    {
        int ncol = ncol();
        int row = state / ncol;
        int col = state % ncol;
        switch (direction) {
            case LEFT -> col = Math.max(col - 1, 0);
            case DOWN -> row = Math.min(row + 1, nrow() - 1);
            case RIGHT -> col = Math.min(col + 1, ncol - 1);
            case UP -> row = Math.max(row - 1, 0);
            default -> throw new IllegalArgumentException("direction must be 0..3: " + direction);
        }
        return row * ncol + col;
    }

    /** Whether G can be reached from S through non-hole cells by moves between neighbours (Gymnasium's {@code is_valid}). */
    boolean hasPath()
    {
        boolean[] seen = new boolean[states()];
        ArrayDeque<Integer> frontier = new ArrayDeque<>();
        frontier.add(start());
        seen[start()] = true;
        while (!frontier.isEmpty()) {
            int state = frontier.poll();
            if (cell(state) == 'G') {
                return true;
            }
            for (int direction = 0; direction < DIRECTIONS; direction++) {
                int next = move(state, direction);
                if (!seen[next] && cell(next) != 'H') {
                    seen[next] = true;
                    frontier.add(next);
                }
            }
        }
        return false;
    }

    /** The rows joined by commas, the format of the {@code desc} setting. */
    String text()
    {
        return String.join(",", rows);
    }

    private int find(char letter)
    {
        for (int state = 0; state < states(); state++) {
            if (cell(state) == letter) {
                return state;
            }
        }
        throw new IllegalStateException("no " + letter + " in " + text());
    }

    @Override
    public String toString()
    {
        return text();
    }
}
