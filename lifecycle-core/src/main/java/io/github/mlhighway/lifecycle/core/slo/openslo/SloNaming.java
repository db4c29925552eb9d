package io.github.mlhighway.lifecycle.core.slo.openslo;

/**
 * How the engine SLOs made from one OpenSLO SLO document are named: OpenSLO allows several objectives per
 * document, the engine has one objective per {@link io.github.mlhighway.lifecycle.slo.Slo}.
 *
 * @since 0.1
 */
public enum SloNaming {
    /**
     * The default: {@code metadata.name} when the document has one objective, {@code <metadata.name>-<index>}
     * (index from 0, in document order) when it has several.
     */
    PLAIN_WHEN_SINGLE,
    /** Sloth's style: always {@code <metadata.name>-<index>}, so rules match those Sloth generates. */
    ALWAYS_INDEXED;

    /**
     * The name of one objective's SLO.
     *
     * @param documentName the SLO document's {@code metadata.name}
     * @param index        the objective's index, from 0
     * @param objectives   how many objectives the document has
     * @return the SLO name
     */
    public String name(String documentName, int index, int objectives) {
        if (this == PLAIN_WHEN_SINGLE && objectives == 1) {
            return documentName;
        }
        return documentName + "-" + index;
    }
}
