/** Small text helpers shared by every module, such as quoting untrusted names in messages. */
package io.github.mlhighway.lifecycle.text;
