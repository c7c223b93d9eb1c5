package org.afyadial.clinical;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The drugs and drug classes the safety rules know, and the alias table that resolves what a prescriber or a
 * patient's allergy record says ({@code Panadol}, {@code paracétamol}, {@code Paracetamol 500mg}) to them.
 */
final class DrugCatalog {

    private final Map<String, Drug> drugs;
    private final Set<String> classes;
    /** Normalized alias or name → generic drug name or class name. */
    private final Map<String, String> aliases;

    DrugCatalog(Map<String, Drug> drugs, Set<String> classes, Map<String, String> aliases) {
        this.drugs = Collections.unmodifiableMap(new LinkedHashMap<>(drugs));
        this.classes = Set.copyOf(classes);
        this.aliases = Map.copyOf(aliases);
    }

    boolean knows(String drugOrClass) {
        return drugs.containsKey(drugOrClass) || classes.contains(drugOrClass);
    }

    Optional<Drug> drug(String name) {
        return Optional.ofNullable(drugs.get(name));
    }

    /** The drug a written name means, strength and form ignored. */
    Optional<Drug> resolve(String written) {
        return named(written).flatMap(this::drug);
    }

    /**
     * The drug names and classes a substance (an allergy) stands for: a drug with its classes, or a class;
     * empty when unknown.
     */
    Set<String> substance(String written) {
        return named(written).map(name -> drug(name).map(d -> plus(d.classes(), d.name())).orElse(Set.of(name)))
                .orElse(Set.of());
    }

    /** The first drug of a class, in the order of the file: a test case's default drug. */
    Optional<Drug> firstOf(String drugOrClass) {
        return drugs.values().stream().filter(d -> d.is(drugOrClass)).findFirst();
    }

    /** The generic drug name or class name a written name means. */
    Optional<String> named(String written) {
        String normalized = DrugNames.normalize(written);
        return Optional.ofNullable(aliases.get(normalized))
                .or(() -> Optional.ofNullable(aliases.get(DrugNames.withoutStrength(normalized))));
    }

    private static Set<String> plus(Set<String> names, String one) {
        return Stream.concat(names.stream(), Stream.of(one)).collect(Collectors.toUnmodifiableSet());
    }
}
