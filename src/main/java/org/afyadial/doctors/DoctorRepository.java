package org.afyadial.doctors;

import io.micronaut.data.mongodb.annotation.MongoRepository;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@MongoRepository
interface DoctorRepository extends CrudRepository<Doctor, String> {

    List<Doctor> listOrderByLastName();

    Optional<Doctor> findByUsername(String username);
}
