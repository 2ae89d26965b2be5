package org.bomrl.api.policy;

import org.bomrl.api.ComponentFactory;
import org.bomrl.api.Experimental;

/** Makes policy classes for the environment's spaces; names start with {@code policy.}. */
@Experimental(since = "0.2")
public interface PolicyClassFactory
        extends ComponentFactory<PolicyClassSpec>
{
}
