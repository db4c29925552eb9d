/** Request SLIs recorded from Spring's HTTP server observations. */
package io.github.mlhighway.lifecycle.spring.observation;
