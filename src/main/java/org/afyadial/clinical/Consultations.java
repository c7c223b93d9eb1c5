package org.afyadial.clinical;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.afyadial.appointments.Appointment;
import org.afyadial.appointments.AppointmentService;
import org.afyadial.audit.AuditTrail;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientService;
import org.afyadial.store.DuplicateKey;
import org.afyadial.system.ProblemException;
import org.bson.types.ObjectId;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;

/**
 * Consultations: saved, then the appointment they belong to is completed through the appointments' own state
 * machine (the doctor's own, checked in); if it cannot be, the consultation is removed again and the refusal
 * answered. A chronic condition diagnosed and the weight measured go to the clinical profile.
 */
@Singleton
class Consultations {

    static final String TARGET = "consultation";

    static final class ConsultationNotFound extends ProblemException {
        ConsultationNotFound(String id) {
            super(HttpStatus.NOT_FOUND, "No consultation " + id);
        }
    }

    static final class InconsistentBloodPressure extends ProblemException {
        InconsistentBloodPressure() {
            super(HttpStatus.BAD_REQUEST, "vitals.bloodPressure", "the diastolic pressure must be below the systolic");
        }
    }

    static final class AppointmentOfAnotherPatient extends ProblemException {
        AppointmentOfAnotherPatient() {
            super(HttpStatus.BAD_REQUEST, "appointmentId", "the appointment is not this patient's");
        }
    }

    static final class AlreadyConsulted extends ProblemException {
        AlreadyConsulted() {
            super(HttpStatus.CONFLICT, "This appointment already has its consultation");
        }
    }

    private final ConsultationRepository repository;
    private final PatientService patients;
    private final AppointmentService appointments;
    private final ClinicalProfiles profiles;
    private final AuditTrail audit;
    private final Clock clock;

    Consultations(ConsultationRepository repository, PatientService patients, AppointmentService appointments,
                  ClinicalProfiles profiles, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.patients = patients;
        this.appointments = appointments;
        this.profiles = profiles;
        this.audit = audit;
        this.clock = clock;
    }

    Consultation record(NewConsultation details, String doctor) {
        Patient patient = patients.get(details.patientId());
        Optional.ofNullable(details.vitals()).map(Vitals::bloodPressure).filter(bp -> !bp.consistent()).ifPresent(bp -> {
            throw new InconsistentBloodPressure();
        });
        Optional.ofNullable(details.addToProfile()).ifPresent(profiles::requireKnown);
        Optional<Appointment> appointment = Optional.ofNullable(details.appointmentId()).map(appointments::get);
        if (appointment.isPresent() && !appointment.get().patientId().equals(patient.id())) {
            throw new AppointmentOfAnotherPatient();
        }
        Consultation saved = insert(new Consultation(null, patient.id(), appointment.map(Appointment::id).orElse(null), doctor,
                details.complaint().strip(), details.findings(), details.vitals(), details.diagnosis(), details.icd10(),
                details.notes(), details.addToProfile() == null ? null : details.addToProfile().code(), clock.instant()));
        appointment.ifPresent(a -> complete(a, saved, doctor));
        audit.record("consultation.create", TARGET, saved.id(), patient.id());
        Optional<BigDecimal> weight = Optional.ofNullable(details.vitals()).map(Vitals::weightKg);
        if (details.addToProfile() != null) {
            profiles.addCondition(patient.id(), details.addToProfile(), doctor);
        }
        weight.ifPresent(kg -> profiles.recordWeight(patient.id(), kg, doctor));
        if (details.addToProfile() != null || weight.isPresent()) {
            audit.record("clinical-profile.update", ClinicalProfiles.TARGET, patient.id(), patient.id());
        }
        return saved;
    }

    Consultation get(String id) {
        return (ObjectId.isValid(id) ? repository.findById(id) : Optional.<Consultation>empty())
                .orElseThrow(() -> new ConsultationNotFound(id));
    }

    /** The patient's consultations, newest first unless the page asks for another order. */
    Page<Consultation> ofPatient(String patientId, Pageable pageable) {
        patients.get(patientId);
        return repository.findByPatientId(patientId, pageable.isSorted() ? pageable : pageable.order(Sort.Order.desc("createdAt")));
    }

    private Consultation insert(Consultation consultation) {
        try {
            return repository.save(consultation);
        } catch (RuntimeException e) {
            if (DuplicateKey.causedBy(e)) {
                throw new AlreadyConsulted();
            }
            throw e;
        }
    }

    private void complete(Appointment appointment, Consultation saved, String doctor) {
        try {
            appointments.complete(appointment.id(), doctor);
        } catch (RuntimeException e) {
            repository.delete(saved);
            throw e;
        }
    }
}
