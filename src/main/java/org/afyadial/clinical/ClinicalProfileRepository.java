package org.afyadial.clinical;

import io.micronaut.data.mongodb.annotation.MongoRepository;
import io.micronaut.data.repository.CrudRepository;

@MongoRepository
interface ClinicalProfileRepository extends CrudRepository<ClinicalProfile, String> {
}
