package org.bomrl.core.experiment;

import org.bomrl.api.compare.OptimalityComparator;

/** A comparator with its registry name. */
record NamedComparator(String name, OptimalityComparator comparator) {}
