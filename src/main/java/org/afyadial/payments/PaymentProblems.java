package org.afyadial.payments;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

/** The failures the bills and payments endpoints answer on purpose, one type each. */
final class PaymentProblems {

    private PaymentProblems() {
    }

    static final class BillNotFound extends ProblemException {
        BillNotFound(String id) {
            super(HttpStatus.NOT_FOUND, "No bill " + id);
        }
    }

    static final class PaymentNotFound extends ProblemException {
        PaymentNotFound(String id) {
            super(HttpStatus.NOT_FOUND, "No payment " + id);
        }
    }

    static final class BillNotPayable extends ProblemException {
        BillNotPayable(Bill bill, long amount) {
            super(HttpStatus.CONFLICT, "Bill " + bill.reference() + " is " + bill.status() + " with "
                    + Money.format(bill.balance(), bill.currency()) + " due: " + Money.format(amount, bill.currency())
                    + " cannot be applied to it");
        }
    }

    static final class BillNotVoidable extends ProblemException {
        BillNotVoidable(Bill bill) {
            super(HttpStatus.CONFLICT, "Bill " + bill.reference() + " is " + bill.status() + ": only an UNPAID bill can be voided");
        }
    }

    static final class NotInReview extends ProblemException {
        NotInReview(String id) {
            super(HttpStatus.CONFLICT, "Payment " + id + " is not waiting in reconciliation (already applied, failed or refunded)");
        }
    }

    static final class NotRefundable extends ProblemException {
        NotRefundable(String id) {
            super(HttpStatus.CONFLICT, "Payment " + id + " did not succeed or was refunded already");
        }
    }
}
