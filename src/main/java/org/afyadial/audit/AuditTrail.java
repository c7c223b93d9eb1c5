package org.afyadial.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Appends to the audit log. Services call it for every read of a patient record and every
 * create, update and cancel; the actor and origin come from the current staff request, or
 * from {@code actor} when the change comes from a patient's own phone (USSD, SMS).
 */
@Singleton
public class AuditTrail {

    private final AuditRepository repository;
    private final SecurityService security;
    private final Clock clock;

    AuditTrail(AuditRepository repository, SecurityService security, Clock clock) {
        this.repository = repository;
        this.security = security;
        this.clock = clock;
    }

    /** A staff action, in the current HTTP request. */
    public void record(String action, String targetType, String targetId, String patientId) {
        record(action, targetType, targetId, patientId, null);
    }

    /** A staff action with a note of the staff member's, such as how a patient's identity was checked. */
    public void record(String action, String targetType, String targetId, String patientId, @Nullable String note) {
        String actor = security.username().orElse("anonymous");
        Collection<String> roles = security.getAuthentication().map(Authentication::getRoles).orElse(List.of());
        append(actor, roles, action, targetType, targetId, patientId, note);
    }

    /**
     * A staff action in the current HTTP request before the caller holds a token (login, refresh):
     * the actor is the account being signed in.
     */
    public void recordAsStaff(String actor, Collection<String> roles, String action, String targetType,
                                String targetId, String patientId) {
        append(actor, roles, action, targetType, targetId, patientId, null);
    }

    private void append(String actor, Collection<String> roles, String action, String targetType, String targetId,
                        String patientId, String note) {
        String origin = ServerRequestContext.currentRequest()
                .map(r -> r.getRemoteAddress().getAddress().getHostAddress())
                .orElse("internal");
        append(actor, joined(roles), action, targetType, targetId, patientId, origin, note);
    }

    /** A member of staff acting from {@code origin}: an address, or a channel (USSD) outside any web request of theirs. */
    public void recordAsStaffOn(String origin, String actor, Collection<String> roles, String action, String targetType,
                                String targetId, String patientId) {
        append(actor, joined(roles), action, targetType, targetId, patientId, origin, null);
    }

    private static String joined(Collection<String> roles) {
        return roles.stream().sorted().collect(Collectors.joining(","));
    }

    /** An action outside a staff request: a patient on USSD or SMS, or the system itself. */
    public void recordAs(String actor, String channel, String action, String targetType, String targetId, String patientId) {
        append(actor, "PATIENT", action, targetType, targetId, patientId, channel, null);
    }

    private void append(String actor, String role, String action, String targetType, String targetId,
                        String patientId, String origin, String note) {
        repository.save(new AuditEntry(null, actor, role, action, targetType, targetId, patientId, clock.instant(), origin,
                note));
    }
}
