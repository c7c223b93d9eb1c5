package org.afyadial.doctors;

import io.micronaut.data.mongodb.annotation.MongoRepository;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@MongoRepository
interface SpecialtyRepository extends CrudRepository<Specialty, String> {

    List<Specialty> listOrderByName();

    Optional<Specialty> findByCode(String code);
}
