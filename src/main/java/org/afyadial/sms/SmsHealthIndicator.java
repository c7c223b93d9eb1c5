package org.afyadial.sms;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /health} shows whether SMS go out. A paused sender makes the service DEGRADED, which is
 * still operational (HTTP 200): USSD and the API work, but patients get no SMS until an admin resumes.
 */
@Singleton
class SmsHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED", "SMS sending is paused", true, null);

    private final SmsAlerts alerts;
    private final ResilientSender sender;

    SmsHealthIndicator(SmsAlerts alerts, ResilientSender sender) {
        this.alerts = alerts;
        this.sender = sender;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        var paused = alerts.sendingPausedAlert();
        details.put("sending", paused.isPresent() ? "PAUSED" : "ACTIVE");
        paused.ifPresent(alert -> details.put("alert", alert.message()));
        details.put("providerCircuit", sender.breakerState().name());
        healthStatus = paused.isPresent() ? DEGRADED : HealthStatus.UP;
        return details;
    }

    @Override
    protected String getName() {
        return "sms";
    }
}
