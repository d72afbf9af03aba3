// English and Arabic text. t('key', {var}) fills {var}; unknown keys fall back to English, then to the given fallback.
const en = {
  skip: 'Skip to content', loading: 'Loading…', environment: 'Environment', sandbox: 'Sandbox', production: 'Production', sandbox_word: 'sandbox', production_word: 'production',
  logout: 'Log out', logged_out: 'You are logged out.', nav_keys: 'API keys', nav_units: 'EGS units', nav_invoices: 'Invoices',
  banner_sandbox: 'Sandbox: test keys, units on the simulator; nothing reaches ZATCA for real.',
  banner_production: 'Production: live keys and units; invoices are reported to and cleared by ZATCA.',
  env_switched: 'Now showing {env}.',
  error_generic: 'Something went wrong. Please try again.', cancel: 'Cancel', save: 'Save', saved: 'Saved',
  actions: 'Actions', created: 'Created', status: 'Status',

  log_in: 'Log in', log_in_title: 'Log in to Qayd', log_in_lede: 'Manage API keys, EGS units and invoices for ZATCA e-invoicing.',
  no_account: 'No account yet?', sign_up: 'Sign up', have_account: 'Already have an account?',
  sign_up_title: 'Create your Qayd account', sign_up_lede: 'One account holds a sandbox and a production environment. Your first API key is shown once, right after sign-up.',
  email: 'E-mail', password: 'Password', password_hint: 'At least 10 characters.', company_name: 'Company name',
  vat_number: 'VAT number', vat_number_hint: '15 digits, starting and ending with 3.', first_key_environment: 'Environment of the first API key',
  create_account: 'Create account', account_created: 'Account created.',

  new_key_title: 'API key “{name}”', new_key_once: 'Copy this key now. It is shown only once; Qayd keeps only its hash.',
  api_key_label: '{env} API key', copy: 'Copy', copied: 'Copied to the clipboard.', copy_failed: 'Copying failed: the key is selected, press Ctrl+C.',
  key_saved: 'I have saved it',

  keys_title: 'API keys', keys_lede: 'Keys authenticate your systems with Authorization: Bearer. These are the {env} keys.',
  create_key: 'Create a key', key_name: 'Name', key_name_hint: 'Where the key is used, e.g. “Online shop”.',
  create_key_button: 'Create {env} key', keys_list_title: '{env} keys', key: 'Key',
  default_unit: 'Default EGS unit', default_unit_for: 'Default EGS unit for {name}', no_default_unit: '— No default —',
  default_set: 'Default EGS unit of {name} set to {unit}.', default_cleared: 'Default EGS unit of {name} cleared.',
  no_keys: 'No keys yet', no_keys_text: 'Create a key above to call the API in this environment.',
  key_created: 'Key {name} created.', revoke: 'Revoke', revoke_title: 'Revoke “{name}”?',
  revoke_text: 'Requests with this key will be refused at once. This cannot be undone.', key_revoked: 'Key {name} revoked.',

  units_title: 'EGS units', units_lede: 'Each e-invoicing generation solution (EGS) unit signs invoices with its own ZATCA certificate. These are the {env} units.',
  register_unit: 'Register a unit', register_unit_in: 'Register {env} unit', register_unit_title: 'Register a {env} EGS unit',
  register_unit_lede: 'Qayd creates the unit’s key, asks ZATCA for its certificates with your OTP and runs the compliance checks. This takes a few seconds.',
  unit_name: 'Name', unit_name_hint: 'For you, e.g. “Riyadh till 1”.', onboarding_status: 'Onboarding', invoice_types: 'Invoice types',
  types_both: 'Standard and simplified', types_standard: 'Standard (B2B)', types_simplified: 'Simplified (B2C)',
  otp: 'OTP', otp_hint_sandbox: 'From the Fatoora portal. The sandbox simulator accepts 123345.', otp_hint_production: 'The 6-digit OTP from the Fatoora portal, valid for one hour.',
  serial_number: 'Serial number', serial_number_hint: 'The device or software serial, unique per unit.', model: 'Model',
  branch: 'Branch', branch_hint: 'Branch name; a VAT group member’s 10-digit TIN.', crn: 'Commercial registration number', crn_hint: '10 digits.',
  location: 'Location', location_hint: 'Short address or location code.', industry: 'Industry',
  unit_section_basics: 'Unit', unit_section_address: 'Seller address (printed on every invoice)', unit_section_optional: 'Optional: organisation details',
  street: 'Street', building_number: 'Building number', district: 'District', city: 'City', postal_code: 'Postal code', country: 'Country',
  organisation_name: 'Organisation name', organisation_name_hint: 'Defaults to your company name.',
  unit_vat_hint: 'Defaults to the account’s VAT number.', solution_name: 'Solution name', solution_name_hint: 'Defaults to “Qayd”.',
  unit_registered: 'Unit {name} registered; onboarding with ZATCA.',
  no_units: 'No EGS units yet', no_units_text: 'Register a unit with an OTP to start issuing {env} invoices.',
  unit_now_active: 'Unit {name} is now active.', unit_now_failed: 'Onboarding of unit {name} failed.', unit_now_pending: 'Unit {name} is onboarding.',
  unit_not_found: 'Unit not found', back_to_units: 'Back to EGS units', unit_details: 'Details', address: 'Address',
  onboarded: 'Onboarded', unit_id: 'Unit id',
  onboarding_failed_title: 'ZATCA refused the onboarding', onboarding_failed_no_reason: 'ZATCA gave no reason that Qayd can show. Get a new OTP and restart.',
  pending_note: 'Onboarding with ZATCA is under way; this page updates by itself.',
  renew_title: 'Renew the certificate', renew_text: 'Swaps in a new key and certificate; invoicing goes on throughout. Needs a new OTP.',
  renew: 'Renew', renewed: 'Renewed: certificate {serial}, valid until {expires}.',
  renewal_requested: 'Renewal asked for: ZATCA is asked in the background and invoicing goes on with the current certificate.',
  certificate_renewal: 'Certificate renewal', renewal_pending: 'With ZATCA…', renewal_failed: 'Refused: {reason}. The current certificate stays in use.',
  restart_title: 'Restart onboarding', restart_text: 'Get a new OTP from the Fatoora portal and try again.', restart: 'Restart onboarding',
  restarted: 'Onboarding of {name} restarted.',

  invoices_title: 'Invoices', invoices_lede: 'Documents issued through the API by {env} keys.',
  filters: 'Filter invoices', unit: 'EGS unit', all_units: 'All units', kind: 'Kind', all_kinds: 'All kinds',
  kind_simplified: 'Simplified', kind_standard: 'Standard', all_statuses: 'All statuses', date_from: 'Issued from', date_to: 'Issued until',
  apply_filters: 'Apply', clear_filters: 'Clear', load_more: 'Load more', invoices_shown: '{count} shown',
  invoices_unavailable: 'Invoice listing is not available yet', invoices_unavailable_text: 'This server does not offer GET /v1/invoices yet. Invoices issued through the API still work and will show here once it does.',
  no_invoices: 'No invoices', no_invoices_text: 'Invoices issued with a key of this environment appear here.', no_invoices_filtered: 'No invoice matches these filters.',
  invoice_number: 'Number', total: 'Total', issued: 'Issued', invoice: 'Invoice',
  doc_invoice: 'Invoice', doc_credit_note: 'Credit note', doc_debit_note: 'Debit note', doc_prepayment_invoice: 'Prepayment invoice',
  invoice_not_found: 'Invoice not found', invoice_not_found_text: 'There is no such invoice in this account.', back_to_invoices: 'Back to invoices',
  open_pdf: 'Open PDF', open_xml: 'Open signed XML', new_tab: '(opens in a new tab)', invoice_details: 'Details', icv: 'Counter (ICV)',
  uuid: 'UUID', invoice_hash: 'Invoice hash', buyer: 'Buyer', billing_reference: 'Billing reference', amounts: 'Amounts',
  amount_tax_exclusive: 'Total without VAT', amount_allowances: 'Allowances', amount_vat: 'VAT', amount_payable: 'Payable',
  amount_charges: 'Charges', amount_vat_sar: 'VAT in SAR', amount_prepaid: 'Prepaid', amount_rounding: 'Rounding',
  exchange_rate: 'Exchange rate', reason: 'Reason', invoice_content: 'Content', transaction: 'Transaction',
  transaction_third_party: 'Third party', transaction_nominal: 'Nominal supply', transaction_export: 'Export',
  transaction_summary: 'Summary', transaction_self_billed: 'Self-billed', buyer_vat: 'Buyer VAT number', buyer_id: 'Buyer ID',
  supply_date: 'Supply date', supply_end_date: 'Supply end date', invoice_period: 'Invoice period',
  purchase_order: 'Purchase order', contract: 'Contract', payment_means: 'Payment means (UNTDID 4461)', note: 'Note',
  document_allowances: 'Discounts', document_charges: 'Charges', prepayments: 'Prepayments deducted',
  document_type: 'Document', all_documents: 'All documents', issued_event: 'Issued',
  submission_attempts: 'Delayed submission attempts', next_attempt: 'Next attempt', last_delay_reason: 'Last delay',
  certificate_serial: 'Certificate serial', certificate_expires: 'Certificate valid until', unit_warnings: 'Needs attention',
  failed_step: 'Step: {step}', step_compliance_csid: 'compliance certificate', step_compliance_checks: 'compliance checks',
  step_production_csid: 'production certificate',
  status_history: 'Status history', no_history: 'No status changes recorded.', zatca_messages: 'ZATCA messages', no_messages: 'ZATCA sent no messages.',

  status_active: 'Active', status_revoked: 'Revoked', status_pending: 'Pending', status_failed: 'Failed',
  status_pending_reporting: 'Pending reporting', status_reporting_deadline_near: 'Reporting deadline near', status_reported: 'Reported',
  status_pending_clearance: 'Pending clearance', status_cleared: 'Cleared', status_rejected: 'Rejected',
  status_reporting_overdue: 'Reporting overdue', status_failed: 'Failed',
};

const ar = {
  skip: 'تخطَّ إلى المحتوى', loading: 'جارٍ التحميل…', environment: 'البيئة', sandbox: 'التجريبية', production: 'الإنتاج', sandbox_word: 'التجريبية', production_word: 'الإنتاج',
  logout: 'تسجيل الخروج', logged_out: 'سُجِّل خروجك.', nav_keys: 'مفاتيح API', nav_units: 'وحدات EGS', nav_invoices: 'الفواتير',
  banner_sandbox: 'البيئة التجريبية: مفاتيح ووحدات على المحاكي، ولا يصل شيء إلى هيئة الزكاة فعليًا.',
  banner_production: 'بيئة الإنتاج: مفاتيح ووحدات حقيقية، والفواتير تُبلَّغ إلى هيئة الزكاة وتُعتمد منها.',
  env_switched: 'تُعرض الآن بيئة {env}.',
  error_generic: 'حدث خطأ. حاول مرة أخرى.', cancel: 'إلغاء', save: 'حفظ', saved: 'حُفظ',
  actions: 'إجراءات', created: 'أُنشئ', status: 'الحالة',

  log_in: 'تسجيل الدخول', log_in_title: 'تسجيل الدخول إلى قيد', log_in_lede: 'أدِر مفاتيح API ووحدات EGS والفواتير الإلكترونية لهيئة الزكاة والضريبة والجمارك.',
  no_account: 'ليس لديك حساب؟', sign_up: 'أنشئ حسابًا', have_account: 'لديك حساب؟',
  sign_up_title: 'أنشئ حسابك في قيد', sign_up_lede: 'يضم الحساب بيئة تجريبية وبيئة إنتاج. يظهر مفتاح API الأول مرة واحدة فقط بعد التسجيل.',
  email: 'البريد الإلكتروني', password: 'كلمة المرور', password_hint: '10 أحرف على الأقل.', company_name: 'اسم الشركة',
  vat_number: 'الرقم الضريبي', vat_number_hint: '15 رقمًا، يبدأ بـ 3 وينتهي بـ 3.', first_key_environment: 'بيئة مفتاح API الأول',
  create_account: 'إنشاء الحساب', account_created: 'أُنشئ الحساب.',

  new_key_title: 'مفتاح API «{name}»', new_key_once: 'انسخ هذا المفتاح الآن، فهو يظهر مرة واحدة فقط ولا يحتفظ قيد إلا ببصمته.',
  api_key_label: 'مفتاح API ({env})', copy: 'نسخ', copied: 'نُسخ إلى الحافظة.', copy_failed: 'تعذّر النسخ: المفتاح محدد، اضغط Ctrl+C.',
  key_saved: 'حفظته',

  keys_title: 'مفاتيح API', keys_lede: 'تصادق المفاتيح أنظمتك عبر Authorization: Bearer. هذه مفاتيح بيئة {env}.',
  create_key: 'إنشاء مفتاح', key_name: 'الاسم', key_name_hint: 'مكان استخدام المفتاح، مثل «المتجر الإلكتروني».',
  create_key_button: 'إنشاء مفتاح ({env})', keys_list_title: 'مفاتيح بيئة {env}', key: 'المفتاح',
  default_unit: 'وحدة EGS الافتراضية', default_unit_for: 'وحدة EGS الافتراضية للمفتاح {name}', no_default_unit: '— بلا وحدة افتراضية —',
  default_set: 'عُيّنت {unit} وحدةً افتراضية للمفتاح {name}.', default_cleared: 'أُزيلت الوحدة الافتراضية للمفتاح {name}.',
  no_keys: 'لا مفاتيح بعد', no_keys_text: 'أنشئ مفتاحًا أعلاه لاستدعاء API في هذه البيئة.',
  key_created: 'أُنشئ المفتاح {name}.', revoke: 'إبطال', revoke_title: 'إبطال «{name}»؟',
  revoke_text: 'ستُرفض الطلبات بهذا المفتاح فورًا، ولا يمكن التراجع عن ذلك.', key_revoked: 'أُبطل المفتاح {name}.',

  units_title: 'وحدات EGS', units_lede: 'توقّع كل وحدة من وحدات حلول الفوترة الإلكترونية (EGS) الفواتير بشهادتها من هيئة الزكاة. هذه وحدات بيئة {env}.',
  register_unit: 'تسجيل وحدة', register_unit_in: 'تسجيل وحدة ({env})', register_unit_title: 'تسجيل وحدة EGS في بيئة {env}',
  register_unit_lede: 'ينشئ قيد مفتاح الوحدة ويطلب شهاداتها من الهيئة برمز OTP ويجري فحوص الامتثال. يستغرق ذلك ثوانيَ.',
  unit_name: 'الاسم', unit_name_hint: 'للتعريف، مثل «نقطة بيع الرياض 1».', onboarding_status: 'حالة الربط', invoice_types: 'أنواع الفواتير',
  types_both: 'ضريبية ومبسطة', types_standard: 'ضريبية (B2B)', types_simplified: 'مبسطة (B2C)',
  otp: 'رمز OTP', otp_hint_sandbox: 'من بوابة فاتورة. يقبل المحاكي التجريبي 123345.', otp_hint_production: 'الرمز المكوّن من 6 أرقام من بوابة فاتورة، صالح لساعة واحدة.',
  serial_number: 'الرقم التسلسلي', serial_number_hint: 'الرقم التسلسلي للجهاز أو البرنامج، فريد لكل وحدة.', model: 'الطراز',
  branch: 'الفرع', branch_hint: 'اسم الفرع؛ أو الرقم المميز (10 أرقام) لعضو المجموعة الضريبية.', crn: 'رقم السجل التجاري', crn_hint: '10 أرقام.',
  location: 'الموقع', location_hint: 'عنوان مختصر أو رمز الموقع.', industry: 'النشاط',
  unit_section_basics: 'الوحدة', unit_section_address: 'عنوان البائع (يُطبع على كل فاتورة)', unit_section_optional: 'اختياري: بيانات المنشأة',
  street: 'الشارع', building_number: 'رقم المبنى', district: 'الحي', city: 'المدينة', postal_code: 'الرمز البريدي', country: 'الدولة',
  organisation_name: 'اسم المنشأة', organisation_name_hint: 'افتراضيًا اسم شركتك.',
  unit_vat_hint: 'افتراضيًا الرقم الضريبي للحساب.', solution_name: 'اسم الحل', solution_name_hint: 'افتراضيًا «Qayd».',
  unit_registered: 'سُجّلت الوحدة {name} وبدأ ربطها بالهيئة.',
  no_units: 'لا وحدات EGS بعد', no_units_text: 'سجّل وحدة برمز OTP لتبدأ إصدار فواتير بيئة {env}.',
  unit_now_active: 'الوحدة {name} نشطة الآن.', unit_now_failed: 'فشل ربط الوحدة {name}.', unit_now_pending: 'يجري ربط الوحدة {name}.',
  unit_not_found: 'الوحدة غير موجودة', back_to_units: 'العودة إلى وحدات EGS', unit_details: 'التفاصيل', address: 'العنوان',
  onboarded: 'تاريخ الربط', unit_id: 'معرّف الوحدة',
  onboarding_failed_title: 'رفضت الهيئة ربط الوحدة', onboarding_failed_no_reason: 'لم تذكر الهيئة سببًا يمكن عرضه. احصل على رمز OTP جديد وأعد المحاولة.',
  pending_note: 'يجري الربط مع الهيئة؛ تتحدّث هذه الصفحة تلقائيًا.',
  renew_title: 'تجديد الشهادة', renew_text: 'يستبدل المفتاح والشهادة بجديدين دون إيقاف الفوترة. يتطلب رمز OTP جديدًا.',
  renew: 'تجديد', renewed: 'جُدّدت: الشهادة {serial} صالحة حتى {expires}.',
  renewal_requested: 'طُلب التجديد: تُراسَل الهيئة في الخلفية وتستمر الفوترة بالشهادة الحالية.',
  certificate_renewal: 'تجديد الشهادة', renewal_pending: 'لدى الهيئة…', renewal_failed: 'رُفض: {reason}. تبقى الشهادة الحالية مستخدمة.',
  restart_title: 'إعادة الربط', restart_text: 'احصل على رمز OTP جديد من بوابة فاتورة وأعد المحاولة.', restart: 'إعادة الربط',
  restarted: 'أُعيد بدء ربط {name}.',

  invoices_title: 'الفواتير', invoices_lede: 'المستندات الصادرة عبر API بمفاتيح بيئة {env}.',
  filters: 'تصفية الفواتير', unit: 'وحدة EGS', all_units: 'كل الوحدات', kind: 'النوع', all_kinds: 'كل الأنواع',
  kind_simplified: 'مبسطة', kind_standard: 'ضريبية', all_statuses: 'كل الحالات', date_from: 'صادرة من', date_to: 'صادرة حتى',
  apply_filters: 'تطبيق', clear_filters: 'مسح', load_more: 'عرض المزيد', invoices_shown: 'المعروض: {count}',
  invoices_unavailable: 'قائمة الفواتير غير متاحة بعد', invoices_unavailable_text: 'لا يوفر هذا الخادم GET /v1/invoices بعد. إصدار الفواتير عبر API يعمل، وستظهر هنا عند توفرها.',
  no_invoices: 'لا فواتير', no_invoices_text: 'تظهر هنا الفواتير الصادرة بمفاتيح هذه البيئة.', no_invoices_filtered: 'لا فاتورة تطابق هذه المعايير.',
  invoice_number: 'الرقم', total: 'الإجمالي', issued: 'تاريخ الإصدار', invoice: 'فاتورة',
  doc_invoice: 'فاتورة', doc_credit_note: 'إشعار دائن', doc_debit_note: 'إشعار مدين', doc_prepayment_invoice: 'فاتورة دفعة مقدمة',
  invoice_not_found: 'الفاتورة غير موجودة', invoice_not_found_text: 'لا توجد فاتورة كهذه في هذا الحساب.', back_to_invoices: 'العودة إلى الفواتير',
  open_pdf: 'فتح PDF', open_xml: 'فتح XML الموقّع', new_tab: '(يفتح في علامة تبويب جديدة)', invoice_details: 'التفاصيل', icv: 'العدّاد (ICV)',
  uuid: 'المعرّف الفريد UUID', invoice_hash: 'بصمة الفاتورة', buyer: 'المشتري', billing_reference: 'مرجع الفاتورة', amounts: 'المبالغ',
  amount_tax_exclusive: 'الإجمالي دون الضريبة', amount_allowances: 'الخصومات', amount_vat: 'ضريبة القيمة المضافة', amount_payable: 'المستحق',
  amount_charges: 'الرسوم', amount_vat_sar: 'الضريبة بالريال السعودي', amount_prepaid: 'المدفوع مقدماً', amount_rounding: 'التقريب',
  exchange_rate: 'سعر الصرف', reason: 'السبب', invoice_content: 'المحتوى', transaction: 'نوع المعاملة',
  transaction_third_party: 'طرف ثالث', transaction_nominal: 'توريد اسمي', transaction_export: 'صادرات',
  transaction_summary: 'فاتورة ملخصة', transaction_self_billed: 'فوترة ذاتية', buyer_vat: 'الرقم الضريبي للمشتري', buyer_id: 'هوية المشتري',
  supply_date: 'تاريخ التوريد', supply_end_date: 'تاريخ نهاية التوريد', invoice_period: 'فترة الفاتورة',
  purchase_order: 'أمر الشراء', contract: 'العقد', payment_means: 'وسيلة الدفع (UNTDID 4461)', note: 'ملاحظة',
  document_allowances: 'الخصومات', document_charges: 'الرسوم', prepayments: 'الدفعات المقدمة المخصومة',
  document_type: 'المستند', all_documents: 'كل المستندات', issued_event: 'أُصدرت',
  submission_attempts: 'محاولات الإرسال المؤجلة', next_attempt: 'المحاولة التالية', last_delay_reason: 'سبب آخر تأجيل',
  certificate_serial: 'الرقم التسلسلي للشهادة', certificate_expires: 'الشهادة صالحة حتى', unit_warnings: 'يحتاج إلى انتباه',
  failed_step: 'الخطوة: {step}', step_compliance_csid: 'شهادة الامتثال', step_compliance_checks: 'فحوص الامتثال',
  step_production_csid: 'شهادة الإنتاج',
  status_history: 'سجل الحالة', no_history: 'لا تغييرات مسجلة في الحالة.', zatca_messages: 'رسائل الهيئة', no_messages: 'لم ترسل الهيئة أي رسائل.',

  status_active: 'نشط', status_revoked: 'مُبطل', status_pending: 'قيد الربط', status_failed: 'فشل',
  status_pending_reporting: 'بانتظار الإبلاغ', status_reporting_deadline_near: 'اقتربت مهلة الإبلاغ', status_reported: 'مُبلَّغ عنها',
  status_pending_clearance: 'بانتظار الاعتماد', status_cleared: 'معتمدة', status_rejected: 'مرفوضة',
  status_reporting_overdue: 'تأخر الإبلاغ', status_failed: 'فشلت',
};

const dictionaries = { en, ar };
let current = localStorage.getItem('qayd.lang') === 'ar' ? 'ar' : 'en';

export const lang = () => current;

export function setLang(next) {
  current = next === 'ar' ? 'ar' : 'en';
  localStorage.setItem('qayd.lang', current);
}

export function t(key, vars = {}, fallback) {
  const text = dictionaries[current][key] ?? en[key] ?? fallback ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in vars ? String(vars[name]) : match));
}

/** Language and direction of the page, and the text of the static shell in index.html. */
export function applyStaticText() {
  document.documentElement.lang = current;
  document.documentElement.dir = current === 'ar' ? 'rtl' : 'ltr';
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = current === 'ar' ? 'English' : 'العربية';
  toggle.lang = current === 'ar' ? 'en' : 'ar';
  toggle.setAttribute('aria-label', current === 'ar' ? 'Switch to English' : 'التبديل إلى العربية');
}

// Latin digits and the Gregorian calendar in Arabic too, as Saudi invoices print them.
const locale = () => (current === 'ar' ? 'ar-SA-u-nu-latn-ca-gregory' : 'en-GB');

export function formatDateTime(instant) {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatMoney(amount, currency = 'SAR') {
  if (amount === undefined || amount === null || amount === '') return '—';
  const number = Number(amount);
  if (Number.isNaN(number)) return String(amount);
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: currency || 'SAR', minimumFractionDigits: 2 }).format(number);
}
