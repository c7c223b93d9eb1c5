package org.afyadial.patients;

import jakarta.inject.Singleton;
import org.afyadial.audit.AuditTrail;

/**
 * Appends to the audit log with the right actor: the authenticated member of staff for
 * {@link Channel#STAFF}, the patient themself ({@code ussd:<id>}, {@code sms:<id>}) otherwise.
 */
@Singleton
public class ChannelAudit {

    private final AuditTrail trail;

    ChannelAudit(AuditTrail trail) {
        this.trail = trail;
    }

    public void record(Channel channel, String action, String targetType, String targetId, String patientId) {
        if (channel == Channel.STAFF) {
            trail.record(action, targetType, targetId, patientId);
        } else {
            trail.recordAs(channel.patientActor(patientId), channel.name(), action, targetType, targetId, patientId);
        }
    }

    /** A staff action that must say why it was allowed (an identity check, for instance). */
    public void recordStaffNote(String action, String targetType, String targetId, String patientId, String note) {
        trail.record(action, targetType, targetId, patientId, note);
    }
}
