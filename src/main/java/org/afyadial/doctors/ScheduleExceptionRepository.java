package org.afyadial.doctors;

import io.micronaut.data.mongodb.annotation.MongoRepository;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@MongoRepository
interface ScheduleExceptionRepository extends CrudRepository<ScheduleException, String> {

    List<ScheduleException> findByDoctorIdOrderByDate(String doctorId);
}
