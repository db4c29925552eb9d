/** Small text helpers shared by every module, such as quoting untrusted names in messages. */
@NullMarked
package io.github.mlhighway.lifecycle.text;

import org.jspecify.annotations.NullMarked;
