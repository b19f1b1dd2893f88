package com.cruddur.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.contract.ContractFixtures;
import com.cruddur.messaging.domain.Participant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class IdentifyCallerAndShowUserTest {

    private final UseCaseFixture app = new UseCaseFixture();
    private final IdentifyCaller identifyCaller = new IdentifyCaller(app.directory);
    private final ShowUser showUser = new ShowUser(app.directory);

    @Test
    void theCallerIsTheUserOfTheTokensSubject() {
        String subject = UUID.randomUUID().toString();
        Participant bayko = app.directory.add(ContractFixtures.participant("Andrew Bayko"), subject);

        StepVerifier.create(identifyCaller.bySubject(subject)).expectNext(bayko).verifyComplete();
    }

    @Test
    void aSubjectUnknownToTheDirectoryIsAnUnknownCaller() {
        StepVerifier.create(identifyCaller.bySubject(UUID.randomUUID().toString()))
                .expectError(UnknownCallerException.class)
                .verify();
    }

    @Test
    void aUserIsShownByHandleAndUnknownOrInvalidHandlesAreNotFound() {
        Participant londo = app.user("Londo Mollari");

        StepVerifier.create(showUser.byHandle(londo.handle().value())).expectNext(londo).verifyComplete();
        StepVerifier.create(showUser.byHandle("nobody")).expectError(NotFoundException.class).verify();
        StepVerifier.create(showUser.byHandle("with space")).expectError(NotFoundException.class).verify();
    }
}
