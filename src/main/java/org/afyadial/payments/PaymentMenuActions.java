package org.afyadial.payments;

import jakarta.inject.Singleton;
import org.afyadial.audit.AuditTrail;
import org.afyadial.patients.Channel;
import org.afyadial.ussd.ActionContext;
import org.afyadial.ussd.ActionResult;
import org.afyadial.ussd.ListItem;
import org.afyadial.ussd.UssdAction;

import java.util.Locale;

/**
 * The USSD Payments menu ({@code ussd-menus/payments.yaml}): the patient's unpaid bills, one bill's amount due,
 * paying it by push prompt, or naming the code of money already sent.
 */
final class PaymentMenuActions {

    /** Session values the menu reads and writes. */
    private static final String PATIENT_ID = "patientId";
    private static final String BILL = "bill";

    private PaymentMenuActions() {
    }

    private static Bill chosenBill(BillService bills, ActionContext context) {
        Bill bill = bills.get(context.require(BILL));
        if (!bill.patientId().equals(context.require(PATIENT_ID))) {
            throw new IllegalStateException("Bill " + bill.id() + " is not the patient's");
        }
        return bill;
    }

    @Singleton
    static class UnpaidBills implements UssdAction {
        private final BillService bills;

        UnpaidBills(BillService bills) {
            this.bills = bills;
        }

        @Override
        public String name() {
            return "unpaidBills";
        }

        @Override
        public ActionResult run(ActionContext context) {
            return ActionResult.items(bills.unpaid(context.require(PATIENT_ID)).stream()
                    .map(b -> new ListItem(b.id(), b.reference() + " " + Money.format(b.balance(), b.currency()) + " "
                            + b.lines().get(0).description()))
                    .toList());
        }
    }

    /** Loads the chosen bill for its screen; a read of the patient's record, so it is audited. */
    @Singleton
    static class OpenBill implements UssdAction {
        private final BillService bills;
        private final AuditTrail audit;

        OpenBill(BillService bills, AuditTrail audit) {
            this.bills = bills;
            this.audit = audit;
        }

        @Override
        public String name() {
            return "openBill";
        }

        @Override
        public ActionResult run(ActionContext context) {
            Bill bill = chosenBill(bills, context);
            context.put("billReference", bill.reference());
            context.put("billDue", Money.format(bill.balance(), bill.currency()));
            audit.recordAs("ussd:" + bill.patientId(), Channel.USSD.name(), "bill.read", "bill", bill.id(), bill.patientId());
            return ActionResult.ok();
        }
    }

    /** Outcomes: {@code sent}, {@code none} (no provider on this network), {@code paid} (nothing due), {@code refused}. */
    @Singleton
    static class PayBill implements UssdAction {
        private final BillService bills;
        private final PushPayments push;

        PayBill(BillService bills, PushPayments push) {
            this.bills = bills;
            this.push = push;
        }

        @Override
        public String name() {
            return "payBill";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            Bill bill = chosenBill(bills, context);
            return ActionResult.outcome(switch (push.start(bill.id(), bill.patientId(), context.phone(), context.networkCode().orElse(null))) {
                case SENT -> "sent";
                case NO_PROVIDER -> "none";
                case NOT_PAYABLE -> "paid";
                case REFUSED -> "refused";
            });
        }
    }

    /** Gets the typed transaction code. Outcomes: {@code settled}, {@code awaiting}, {@code used}, {@code mismatch}. */
    @Singleton
    static class ClaimCode implements UssdAction {
        private final BillService bills;
        private final PaymentLedger ledger;
        private final AuditTrail audit;

        ClaimCode(BillService bills, PaymentLedger ledger, AuditTrail audit) {
            this.bills = bills;
            this.ledger = ledger;
            this.audit = audit;
        }

        @Override
        public String name() {
            return "claimCode";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            Bill bill = chosenBill(bills, context);
            PaymentLedger.Claimed claimed = ledger.claim(bill.id(), bill.patientId(), context.input());
            audit.recordAs("ussd:" + bill.patientId(), Channel.USSD.name(), "payment.claim", "bill", bill.id(), bill.patientId());
            return ActionResult.outcome(claimed == PaymentLedger.Claimed.DOES_NOT_FIT ? "mismatch"
                    : claimed.name().toLowerCase(Locale.ROOT));
        }
    }
}
