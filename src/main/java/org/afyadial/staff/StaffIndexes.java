package org.afyadial.staff;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.inject.Singleton;
import org.afyadial.store.CollectionIndexes;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** The indexes of the staff collections. */
final class StaffIndexes {

    private StaffIndexes() {
    }

    /** One account per username. */
    @Singleton
    static final class Users implements CollectionIndexes {
        @Override
        public String collection() {
            return StaffUser.COLLECTION;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(new IndexModel(Indexes.ascending("username"), new IndexOptions().unique(true).name("username_unique")));
        }
    }

    /** One account per phone registered for USSD (the account itself is the {@code _id}). */
    @Singleton
    static final class PhoneIndexes implements CollectionIndexes {
        @Override
        public String collection() {
            return StaffPhones.COLLECTION;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(new IndexModel(Indexes.ascending(StaffPhones.PHONE), new IndexOptions().unique(true).name("phone_unique")));
        }
    }

    /** Expired tokens are removed by MongoDB eventually (expiry itself is checked in code); revoke-all goes by username. */
    @Singleton
    static final class RefreshTokenIndexes implements CollectionIndexes {
        @Override
        public String collection() {
            return RefreshTokens.COLLECTION;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(
                    new IndexModel(Indexes.ascending(RefreshTokens.EXPIRES_AT), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("expiry_ttl")),
                    new IndexModel(Indexes.ascending("username"), new IndexOptions().name("username")));
        }
    }

    /**
     * A failure window counts for {@code failureWindow} from its start and a lock it set ends at most
     * {@code lockDuration} after that: then the document is meaningless, and the TTL index deletes it.
     */
    @Singleton
    static final class LoginFailureIndexes implements CollectionIndexes {

        private final AuthSettings settings;

        LoginFailureIndexes(AuthSettings settings) {
            this.settings = settings;
        }

        @Override
        public String collection() {
            return LoginThrottle.COLLECTION;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(new IndexModel(Indexes.ascending(LoginThrottle.WINDOW_START),
                    new IndexOptions().expireAfter(settings.failureWindow().plus(settings.lockDuration()).toSeconds(), TimeUnit.SECONDS)
                            .name("window_ttl")));
        }
    }
}
