package sa.qayd.query.document;

import java.util.Map;
import sa.qayd.zatca.model.DocumentKind;

/** Every fixed caption of the document, so the wording can be reviewed in one place. */
final class Labels {

    private static final Map<DocumentKind, Bilingual> TITLES = Map.of(
            DocumentKind.SIMPLIFIED_INVOICE, new Bilingual("Simplified Tax Invoice", "فاتورة ضريبية مبسطة"),
            DocumentKind.SIMPLIFIED_CREDIT_NOTE, new Bilingual("Simplified Credit Note", "إشعار دائن مبسط"),
            DocumentKind.SIMPLIFIED_DEBIT_NOTE, new Bilingual("Simplified Debit Note", "إشعار مدين مبسط"),
            DocumentKind.STANDARD_INVOICE, new Bilingual("Tax Invoice", "فاتورة ضريبية"),
            DocumentKind.STANDARD_CREDIT_NOTE, new Bilingual("Credit Note", "إشعار دائن"),
            DocumentKind.STANDARD_DEBIT_NOTE, new Bilingual("Debit Note", "إشعار مدين"),
            DocumentKind.SIMPLIFIED_PREPAYMENT_INVOICE, new Bilingual("Simplified Prepayment Invoice", "فاتورة دفعة مقدمة مبسطة"),
            DocumentKind.STANDARD_PREPAYMENT_INVOICE, new Bilingual("Prepayment Invoice", "فاتورة دفعة مقدمة"));

    private static final Map<PrintedInvoice.Transaction, Bilingual> TRANSACTIONS = Map.of(
            PrintedInvoice.Transaction.THIRD_PARTY, new Bilingual("Third party", "طرف ثالث"),
            PrintedInvoice.Transaction.NOMINAL, new Bilingual("Nominal supply", "توريد اسمي"),
            PrintedInvoice.Transaction.EXPORT, new Bilingual("Export", "صادرات"),
            PrintedInvoice.Transaction.SUMMARY, new Bilingual("Summary", "فاتورة ملخصة"),
            PrintedInvoice.Transaction.SELF_BILLED, new Bilingual("Self-billed", "فوترة ذاتية"));

    private static final Map<String, Bilingual> VAT_CATEGORIES = Map.of(
            "S", new Bilingual("Standard rate", "النسبة الأساسية"),
            "Z", new Bilingual("Zero rated", "خاضع للنسبة الصفرية"),
            "E", new Bilingual("Exempt", "معفى من الضريبة"),
            "O", new Bilingual("Out of scope", "خارج نطاق الضريبة"));

    static final Bilingual INVOICE_NUMBER = new Bilingual("Invoice number", "رقم الفاتورة");
    static final Bilingual ISSUE_DATE = new Bilingual("Issue date", "تاريخ الإصدار");
    static final Bilingual SUPPLY_DATE = new Bilingual("Supply date", "تاريخ التوريد");
    static final Bilingual SUPPLY_END_DATE = new Bilingual("Supply end date", "تاريخ نهاية التوريد");
    static final Bilingual INVOICE_PERIOD = new Bilingual("Invoice period", "فترة الفاتورة");
    static final Bilingual TRANSACTION = new Bilingual("Transaction", "نوع المعاملة");
    static final Bilingual PURCHASE_ORDER = new Bilingual("Purchase order", "أمر الشراء");
    static final Bilingual CONTRACT = new Bilingual("Contract", "العقد");
    static final Bilingual NOTE = new Bilingual("Note", "ملاحظة");
    static final Bilingual EXCHANGE_RATE = new Bilingual("Exchange rate", "سعر الصرف");
    static final Bilingual BILLING_REFERENCE = new Bilingual("Original invoice", "الفاتورة الأصلية");
    static final Bilingual REASON = new Bilingual("Reason", "سبب الإصدار");
    static final Bilingual ICV = new Bilingual("Invoice counter", "عداد الفاتورة");
    static final Bilingual UUID = new Bilingual("UUID", "المعرف الفريد");

    static final Bilingual SELLER = new Bilingual("Seller", "البائع");
    static final Bilingual BUYER = new Bilingual("Buyer", "المشتري");
    static final Bilingual NAME = new Bilingual("Name", "الاسم");
    static final Bilingual VAT_NUMBER = new Bilingual("VAT number", "الرقم الضريبي");
    static final Bilingual ADDRESS = new Bilingual("Address", "العنوان");

    static final Bilingual ITEMS = new Bilingual("Items", "البنود");
    static final Bilingual LINE_NUMBER = new Bilingual("#", "");
    static final Bilingual ITEM = new Bilingual("Item", "الصنف");
    static final Bilingual QUANTITY = new Bilingual("Qty", "الكمية");
    static final Bilingual UNIT_PRICE = new Bilingual("Unit price", "سعر الوحدة");
    static final Bilingual VAT_RATE = new Bilingual("VAT %", "نسبة الضريبة");
    static final Bilingual LINE_NET = new Bilingual("Net", "المبلغ الصافي");
    static final Bilingual LINE_VAT = new Bilingual("VAT", "الضريبة");
    static final Bilingual LINE_TOTAL = new Bilingual("Total", "المجموع");

    static final Bilingual VAT_BREAKDOWN = new Bilingual("VAT breakdown", "تفاصيل ضريبة القيمة المضافة");
    static final Bilingual CATEGORY = new Bilingual("Category", "الفئة");
    static final Bilingual RATE = new Bilingual("Rate", "النسبة");
    static final Bilingual TAXABLE_AMOUNT = new Bilingual("Taxable amount", "المبلغ الخاضع للضريبة");
    static final Bilingual VAT_AMOUNT = new Bilingual("VAT amount", "مبلغ الضريبة");
    static final Bilingual EXEMPTION_REASON = new Bilingual("Exemption reason", "سبب الإعفاء");

    static final Bilingual ALLOWANCES_AND_CHARGES = new Bilingual("Document discounts and charges", "الخصومات والرسوم على الفاتورة");
    static final Bilingual TYPE = new Bilingual("Type", "النوع");
    static final Bilingual DISCOUNT = new Bilingual("Discount", "خصم");
    static final Bilingual CHARGE = new Bilingual("Charge", "رسوم");
    static final Bilingual ALLOWANCE_REASON = new Bilingual("Reason", "السبب");
    static final Bilingual AMOUNT = new Bilingual("Amount", "المبلغ");

    static final Bilingual PREPAYMENTS = new Bilingual("Prepayments deducted", "الدفعات المقدمة المخصومة");
    static final Bilingual PREPAYMENT_INVOICE = new Bilingual("Prepayment invoice", "فاتورة الدفعة المقدمة");
    static final Bilingual PREPAYMENT_ISSUED = new Bilingual("Issued", "تاريخ الإصدار");

    static final Bilingual LINES_TOTAL = new Bilingual("Sum of lines", "مجموع البنود");
    static final Bilingual ALLOWANCES = new Bilingual("Discounts", "الخصومات");
    static final Bilingual CHARGES = new Bilingual("Charges", "الرسوم");
    static final Bilingual TOTAL_EXCLUDING_VAT = new Bilingual("Total excl. VAT", "الإجمالي غير شامل الضريبة");
    static final Bilingual TOTAL_VAT = new Bilingual("Total VAT", "إجمالي ضريبة القيمة المضافة");
    static final Bilingual TOTAL_INCLUDING_VAT = new Bilingual("Total incl. VAT", "الإجمالي شامل الضريبة");
    static final Bilingual TOTAL_VAT_SAR = new Bilingual("Total VAT in SAR", "إجمالي الضريبة بالريال السعودي");
    static final Bilingual PREPAID = new Bilingual("Prepaid amount", "المبلغ المدفوع مقدماً");
    static final Bilingual ROUNDING = new Bilingual("Rounding", "التقريب");
    static final Bilingual PAYABLE = new Bilingual("Amount payable", "المبلغ المستحق");

    private Labels() {
    }

    static Bilingual title(DocumentKind kind) {
        return TITLES.get(kind);
    }

    static Bilingual transaction(PrintedInvoice.Transaction transaction) {
        return TRANSACTIONS.get(transaction);
    }

    /** The category's name, or its UNCL 5305 code for a category ZATCA does not use. */
    static Bilingual vatCategory(String code) {
        return VAT_CATEGORIES.getOrDefault(code, new Bilingual(code, code));
    }

    /** The party identifier's caption, e.g. "ID (CRN)"; the scheme codes are ZATCA's and untranslated. */
    static Bilingual partyId(String scheme) {
        return new Bilingual("ID (" + scheme + ")", "رقم التعريف");
    }

    static Bilingual page(int number, int count) {
        return new Bilingual("Page " + number + " of " + count, "صفحة " + number + " من " + count);
    }
}
