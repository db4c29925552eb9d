/** A Spring Boot forecasting service on the Lifecycle starter. */
package io.github.mlhighway.lifecycle.samples.spring;
