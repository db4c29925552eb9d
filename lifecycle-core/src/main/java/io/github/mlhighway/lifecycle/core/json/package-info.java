/** The one Jackson configuration every Lifecycle document is read and written with. */
package io.github.mlhighway.lifecycle.core.json;
