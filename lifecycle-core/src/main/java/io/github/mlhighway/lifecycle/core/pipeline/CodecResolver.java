package io.github.mlhighway.lifecycle.core.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import com.fasterxml.jackson.databind.ser.impl.UnknownSerializer;
import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelComparison;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.pipeline.Codec;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the codec for a stage output type when the pipeline is built, so a type that cannot be stored is refused
 * before anything runs. Order: a codec registered for the exact class; {@code byte[]}; {@code String};
 * {@link DatasetProfile}; {@link ModelComparison}; {@link Table}; JSON for types Jackson can write and read back to the same type (records whose
 * components are such types, enums, boxed primitives, {@code java.time}, {@code Path}, concrete classes with a
 * no-argument or {@code @JsonCreator} constructor), provided Jackson finds at least one property to write and can
 * read the type back. Interfaces, abstract classes and raw collections are refused
 * with a message that says how to pass a codec.
 */
final class CodecResolver {

    private final Map<Class<?>, Codec<?>> registered;

    CodecResolver(Map<Class<?>, Codec<?>> registered) {
        this.registered = Map.copyOf(registered);
    }

    @SuppressWarnings("unchecked")
    <T> Codec<T> resolve(Class<T> type, String what) {
        Codec<?> codec = registered.get(type);
        if (codec != null) {
            return (Codec<T>) codec;
        }
        if (type == byte[].class) {
            return (Codec<T>) Codecs.bytes();
        }
        if (type == String.class) {
            return (Codec<T>) Codecs.utf8();
        }
        if (type == DatasetProfile.class) {
            return (Codec<T>) Codecs.profile();
        }
        if (type == ModelComparison.class) {
            return (Codec<T>) Codecs.modelComparison();
        }
        if (type == Table.class) {
            return (Codec<T>) Codecs.table();
        }
        if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || type == Optional.class) {
            throw missing(what, type, "it is generic and its element type is erased; pass "
                    + "Codecs.json(new TypeReference<...>() {}) or wrap it in a record");
        }
        Optional<String> problem = jsonProblem(type, new HashSet<>());
        if (problem.isPresent()) {
            throw missing(what, type, problem.get() + "; pass a Codec for it (then(name, codec, stage)) or "
                    + "register one with codec(" + type.getSimpleName() + ".class, codec)");
        }
        Optional<String> jackson = jacksonProblem(type);
        if (jackson.isPresent()) {
            throw missing(what, type, jackson.get() + "; pass a Codec for it (then(name, codec, stage)) or "
                    + "register one with codec(" + type.getSimpleName() + ".class, codec)");
        }
        return Codecs.json(type);
    }

    private static io.github.mlhighway.lifecycle.pipeline.PipelineDefinitionException missing(String what,
            Class<?> type, String why) {
        return new io.github.mlhighway.lifecycle.pipeline.PipelineDefinitionException(what + " has type "
                + type.getName() + ", which has no codec: " + why);
    }

    private static Optional<String> jsonProblem(Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return Optional.empty();
        }
        if (type instanceof ParameterizedType parameterized) {
            Optional<String> raw = jsonProblem(parameterized.getRawType(), seen);
            if (raw.isPresent()) {
                return raw;
            }
            for (Type argument : parameterized.getActualTypeArguments()) {
                Optional<String> inner = jsonProblem(argument, seen);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (type instanceof GenericArrayType array) {
            return jsonProblem(array.getGenericComponentType(), seen);
        }
        if (type instanceof WildcardType wildcard) {
            return wildcard.getUpperBounds().length == 1 ? jsonProblem(wildcard.getUpperBounds()[0], seen)
                    : Optional.empty();
        }
        if (!(type instanceof Class<?> raw)) {
            return Optional.of(type + " is a type variable");
        }
        if (raw.isArray()) {
            return jsonProblem(raw.getComponentType(), seen);
        }
        if (raw.isPrimitive() || raw.isEnum() || Number.class.isAssignableFrom(raw) && isBuiltInNumber(raw)
                || raw == String.class || raw == Boolean.class || raw == Character.class || raw == Path.class
                || Temporal.class.isAssignableFrom(raw) && !raw.isInterface()
                || TemporalAmount.class.isAssignableFrom(raw) && !raw.isInterface()
                || raw == Collection.class || raw == java.util.List.class || raw == Set.class
                || raw == Map.class || raw == Optional.class || raw == java.util.SortedMap.class) {
            return Optional.empty();
        }
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                Optional<String> inner = jsonProblem(component.getGenericType(), seen);
                if (inner.isPresent()) {
                    return Optional.of("component '" + component.getName() + "' of " + raw.getSimpleName()
                            + ": " + inner.get());
                }
            }
            return Optional.empty();
        }
        if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
            return Optional.of(raw.getName() + " is " + (raw.isInterface() ? "an interface" : "abstract")
                    + ", so JSON cannot tell which class to read back");
        }
        for (Constructor<?> constructor : raw.getDeclaredConstructors()) {
            if (constructor.getParameterCount() == 0 || constructor.isAnnotationPresent(JsonCreator.class)) {
                return Optional.empty();
            }
        }
        return Optional.of(raw.getName() + " has neither a no-argument nor a @JsonCreator constructor");
    }

    /**
     * Asks Jackson itself whether it can write the type with at least one property and read it back, so a class
     * whose JSON would be empty is refused when the pipeline is built, not after its stage has run.
     */
    private static Optional<String> jacksonProblem(Class<?> type) {
        ObjectMapper mapper = Json.mapper();
        JavaType javaType = mapper.constructType(type);
        try {
            JsonSerializer<Object> serializer = mapper.getSerializerProviderInstance().findValueSerializer(javaType);
            if (serializer instanceof UnknownSerializer
                    || serializer instanceof BeanSerializerBase bean && !bean.properties().hasNext()) {
                return Optional.of(type.getName() + " has no property Jackson can write (no public field, getter or "
                        + "@JsonProperty), so its JSON would be {} and a resumed run would get an empty object");
            }
        } catch (JsonMappingException e) {
            return Optional.of("Jackson cannot write " + type.getName() + ": " + e.getOriginalMessage());
        }
        if (!mapper.canSerialize(type)) {
            return Optional.of("Jackson cannot write " + type.getName());
        }
        if (!mapper.canDeserialize(javaType)) {
            return Optional.of("Jackson cannot read " + type.getName() + " back");
        }
        return Optional.empty();
    }

    private static boolean isBuiltInNumber(Class<?> type) {
        return type.getName().startsWith("java.lang.") || type == BigDecimal.class || type == BigInteger.class;
    }
}
