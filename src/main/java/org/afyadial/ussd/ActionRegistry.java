package org.afyadial.ussd;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every {@link UssdAction} bean, by the name menus call it. */
@Singleton
class ActionRegistry {

    private final Map<String, UssdAction> byName;

    ActionRegistry(List<UssdAction> actions) {
        this.byName = actions.stream().collect(Collectors.toUnmodifiableMap(UssdAction::name, Function.identity()));
    }

    Optional<UssdAction> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Set<String> names() {
        return byName.keySet();
    }
}
