/**
 * The DJL adapter: training stage, evaluation, model artifacts, predictor pool and batch-aware serving on the DJL api
 * and its PyTorch engine. The application picks the PyTorch native (and its platform).
 */
module io.github.mlhighway.lifecycle.djl {
    requires transitive io.github.mlhighway.lifecycle.core;
    requires transitive ai.djl.api;
    requires com.google.common;
    requires org.slf4j;

    exports io.github.mlhighway.lifecycle.djl;

    opens io.github.mlhighway.lifecycle.djl to com.fasterxml.jackson.databind;
}
