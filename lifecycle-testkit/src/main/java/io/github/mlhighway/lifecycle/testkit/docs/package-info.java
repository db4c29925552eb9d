/** Keeping javadoc examples true: compare each example with the copy a test runs. */
package io.github.mlhighway.lifecycle.testkit.docs;
