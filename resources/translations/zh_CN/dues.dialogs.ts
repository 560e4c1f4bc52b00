<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BillYearDialog</name>
    <message>
        <source>Bill a dues year</source>
        <translation>开具年度会费</translation>
    </message>
    <message>
        <source>Dues year</source>
        <translation>会费年度</translation>
    </message>
    <message numerus="yes">
        <source>%n active member(s) have no bill for this year yet.</source>
        <translation>
            <numerusform>有 %n 个正常会员尚未开具该年度会费。</numerusform>
        </translation>
    </message>
    <message>
        <source>Schedule for %1: %2</source>
        <translation>%1 年度会费标准：%2</translation>
    </message>
    <message>
        <source>Billing %1…</source>
        <translation>正在开具 %1 年度会费…</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Written consent to reduced dues</source>
        <translation>减免会费的书面同意</translation>
    </message>
    <message>
        <source>R-8.5: the mentor may not agree to reduced dues without the resident leader&apos;s written consent. Record it here, with its scan, before any lower amount is billed or accepted.</source>
        <translation>第八条第（五）项：未经驻会领导书面同意，班主任不得同意或暗示减免会费。请先在此登记书面同意及其扫描件，再按减免后的金额开具或收取。</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>0 waives the year&apos;s dues</source>
        <translation>填 0 为免缴该年度会费</translation>
    </message>
    <message>
        <source>Choose the scan…</source>
        <translation>选择扫描件…</translation>
    </message>
    <message>
        <source>(none: PDF, JPEG or PNG)</source>
        <translation>（未选择：PDF、JPEG 或 PNG）</translation>
    </message>
    <message>
        <source>Dues year</source>
        <translation>会费年度</translation>
    </message>
    <message>
        <source>Agreed amount (yuan)</source>
        <translation>同意缴纳的金额（元）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>减免理由</translation>
    </message>
    <message>
        <source>Document reference</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>同意日期</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <source>The scan of the written consent</source>
        <translation>书面同意的扫描件</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>扫描件 (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Choose the member first.</source>
        <translation>请先选择会员。</translation>
    </message>
    <message>
        <source>Attach the scan of the written consent.</source>
        <translation>请附上书面同意的扫描件。</translation>
    </message>
</context>
<context>
    <name>Dues</name>
    <message>
        <source>Dues receipts</source>
        <translation>会费收据</translation>
    </message>
</context>
<context>
    <name>IgnoreLineDialog</name>
    <message>
        <source>Not dues</source>
        <translation>不是会费</translation>
    </message>
    <message>
        <source>e.g. a training fee, a donation</source>
        <translation>例如：培训费、捐款</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <source>Bank statement imported</source>
        <translation>银行流水导入结果</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>MailedDialog</name>
    <message>
        <source>Vouchers mailed</source>
        <translation>票据已寄出</translation>
    </message>
    <message>
        <source>Receipts mailed</source>
        <translation>收据已寄出</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) selected.</source>
        <translation>
            <numerusform>已选 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <source>The mailing batch or the tracking number</source>
        <translation>邮寄批次或快递单号</translation>
    </message>
    <message>
        <source>Mailed on</source>
        <translation>寄出日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>MatchLineDialog</name>
    <message>
        <source>Match a bank line to a member</source>
        <translation>银行流水对应会员</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Choose the member first.</source>
        <translation>请先选择会员。</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Record a payment</source>
        <translation>登记缴款</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Owes %1 yuan; credit %2 yuan.</source>
        <translation>欠缴 %1 元；预缴余额 %2 元。</translation>
    </message>
    <message>
        <source>The member&apos;s name when empty</source>
        <translation>留空为会员名称</translation>
    </message>
    <message>
        <source>Bank serial number, cheque number …</source>
        <translation>银行流水号、支票号等</translation>
    </message>
    <message>
        <source>Issue a receipt (numbered from the one sequence)</source>
        <translation>开具会费收据（统一编号）</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收款日期</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>交款方式</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>交款单位</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The payment settles the oldest unpaid year first. Less than what is owed leaves the rest owed; a reduction needs the resident leader&apos;s written consent on file (R-8.5).</source>
        <translation>缴款先抵最早欠缴的年度。少于应缴的部分仍记为欠费；减免须先登记驻会领导的书面同意（第八条第（五）项）。</translation>
    </message>
    <message>
        <source>Choose the member first.</source>
        <translation>请先选择会员。</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Reverse a payment</source>
        <translation>冲正缴款</translation>
    </message>
    <message>
        <source>Reverse %1 yuan received on %2 from %3? The payment stays on record, a reversal of the opposite amount is added, its receipt %4 becomes void, and the years it paid are owed again.</source>
        <translation>冲正 %2 收到的 %3 缴款 %1 元？原记录保留，另记一笔金额相反的冲正，收据 %4 作废，所抵年度恢复为欠缴。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>冲正原因</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Dues schedule from a year</source>
        <translation>新的会费标准</translation>
    </message>
    <message>
        <source>Effective from dues year</source>
        <translation>自会费年度起执行</translation>
    </message>
    <message>
        <source>e.g. the general assembly&apos;s resolution</source>
        <translation>例如：会员大会决议</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>VoucherDialog</name>
    <message>
        <source>Official voucher for receipt %1</source>
        <translation>收据 %1 的正式票据</translation>
    </message>
    <message>
        <source>Paper (unified voucher for social organisations&apos; dues)</source>
        <translation>纸质（社会团体会费统一票据）</translation>
    </message>
    <message>
        <source>Electronic voucher</source>
        <translation>电子票据</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>票据种类</translation>
    </message>
    <message>
        <source>Voucher number</source>
        <translation>票据号码</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>开具日期</translation>
    </message>
</context>
</TS>
