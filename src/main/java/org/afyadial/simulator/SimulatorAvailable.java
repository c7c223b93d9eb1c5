package org.afyadial.simulator;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.context.env.Environment;

/**
 * The phone simulator and its SMS pane exist only in development: never in the prod environment,
 * never once {@code AT_API_KEY} sends real SMS (the pane would show them), and not when
 * {@code SIMULATOR_ENABLED=false}. Where they exist, {@link SimulatorLoopbackGuard} keeps them to
 * this machine unless {@code SIMULATOR_ENABLED=true}.
 */
public final class SimulatorAvailable implements Condition {

    static final String ENABLED = "afyadial.simulator.enabled";

    @Override
    public boolean matches(ConditionContext context) {
        if (!(context.getBeanContext() instanceof ApplicationContext application)) {
            return false;
        }
        return on(application.getEnvironment());
    }

    /** Whether the simulator exists in this environment: never in prod, with live SMS or when switched off. */
    public static boolean on(Environment environment) {
        boolean prod = environment.getActiveNames().contains("prod");
        boolean liveSms = !environment.get("afyadial.at.sms.api-key", String.class).orElse("").isBlank();
        boolean switchedOff = environment.get(ENABLED, String.class).orElse("").equals("false");
        return !prod && !liveSms && !switchedOff;
    }
}
