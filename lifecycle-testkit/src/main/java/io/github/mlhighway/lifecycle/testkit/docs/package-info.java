/** Keeping javadoc examples true: compare each example with the copy a test runs. */
@NullMarked
package io.github.mlhighway.lifecycle.testkit.docs;

import org.jspecify.annotations.NullMarked;
