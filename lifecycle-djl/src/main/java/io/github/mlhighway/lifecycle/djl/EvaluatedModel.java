package io.github.mlhighway.lifecycle.djl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlhighway.lifecycle.core.evaluation.Evaluator;
import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelComparison;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.pipeline.Codecs;
import io.github.mlhighway.lifecycle.evaluation.Evaluation;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.pipeline.Codec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A trained model together with its holdout predictions: what {@link DjlEvaluationStage} outputs. It keeps the
 * parameters, so the stages after the gate can register the model that passed, and the {@link ModelComparison},
 * which a {@link io.github.mlhighway.lifecycle.core.evaluation.gate.ModelGate} judges through {@link #gate(Gate)}.
 *
 * @param trained    the model's parameters and training report
 * @param comparison the holdout labels, the model's probabilities and, when given, the champion's
 * @since 0.1
 */
public record EvaluatedModel(TrainedParameters trained, ModelComparison comparison) {

    /** @throws NullPointerException for a null component */
    public EvaluatedModel {
        Objects.requireNonNull(trained, "trained");
        Objects.requireNonNull(comparison, "comparison");
    }

    /**
     * Evaluates the model's holdout predictions: metrics with confidence intervals.
     *
     * @param evaluator a binary evaluator, e.g. {@code Evaluator.binary().build()}
     * @return the evaluation
     */
    public Evaluation evaluation(Evaluator evaluator) {
        return evaluator.evaluate(comparison.challenger());
    }

    /**
     * A gate on evaluated models that asks a comparison gate (typically a {@code ModelGate}); same name, same
     * verdict.
     *
     * @param gate the gate on comparisons
     * @return the gate on evaluated models
     */
    public static Gate<EvaluatedModel> gate(Gate<? super ModelComparison> gate) {
        Objects.requireNonNull(gate, "gate");
        return Gate.named(gate.name(), evaluated -> gate.evaluate(evaluated.comparison()));
    }

    /**
     * The pipeline codec: JSON with the parameters record and the comparison in its own JSON form
     * ({@link ModelComparison#toJson()}).
     *
     * @return the codec
     */
    public static Codec<EvaluatedModel> codec() {
        return Codecs.of("json:EvaluatedModel", Codec.JSON, EvaluatedModel::encode, EvaluatedModel::decode);
    }

    private static byte[] encode(EvaluatedModel value) {
        try {
            ObjectNode node = Json.mapper().createObjectNode();
            node.set("trained", Json.mapper().valueToTree(value.trained()));
            node.set("comparison", Json.mapper().readTree(value.comparison().toJson()));
            return Json.mapper().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode an EvaluatedModel", e);
        }
    }

    private static EvaluatedModel decode(byte[] bytes) {
        try {
            JsonNode node = Json.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));
            TrainedParameters trained = Json.mapper().treeToValue(node.get("trained"), TrainedParameters.class);
            ModelComparison comparison = ModelComparison.fromJson(Json.mapper().writeValueAsString(
                    node.get("comparison")));
            return new EvaluatedModel(trained, comparison);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot decode an EvaluatedModel", e);
        }
    }
}
