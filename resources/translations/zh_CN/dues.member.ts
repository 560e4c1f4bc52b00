<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MemberDuesWidget</name>
    <message>
        <source>Record a payment…</source>
        <translation>登记缴款…</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>冲正…</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印收据</translation>
    </message>
    <message>
        <source>Official voucher…</source>
        <translation>登记正式票据…</translation>
    </message>
    <message>
        <source>Consent to a reduction…</source>
        <translation>登记减免同意…</translation>
    </message>
    <message>
        <source>Open the consent&apos;s scan</source>
        <translation>查看同意书扫描件</translation>
    </message>
    <message>
        <source>Record the resident leader&apos;s written consent (R-8.5)</source>
        <translation>登记驻会领导的书面同意（第八条第（五）项）</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应缴</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已缴</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reduction consented by</source>
        <translation>减免同意</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收款日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Years paid</source>
        <translation>所抵年度</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>正式票据</translation>
    </message>
    <message>
        <source>Mailed</source>
        <translation>寄出日期</translation>
    </message>
    <message>
        <source>Payer / reference</source>
        <translation>交款单位／凭证号</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>同意缴纳</translation>
    </message>
    <message>
        <source>Consented by</source>
        <translation>同意人</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>同意日期</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <source>Bills by dues year</source>
        <translation>各年度应缴</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>缴款</translation>
    </message>
    <message>
        <source>Written consents to reductions (R-8.5)</source>
        <translation>减免会费的书面同意（第八条第（五）项）</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已缴清</translation>
    </message>
    <message>
        <source>waived</source>
        <translation>已免缴</translation>
    </message>
    <message>
        <source>owes %1</source>
        <translation>欠 %1</translation>
    </message>
    <message>
        <source> (earlier membership)</source>
        <translation>（此前会籍期间）</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>已申请</translation>
    </message>
    <message>
        <source>(reversal)</source>
        <translation>（冲正）</translation>
    </message>
    <message>
        <source>(void: reversed)</source>
        <translation>（作废：已冲正）</translation>
    </message>
    <message>
        <source>No member chosen.</source>
        <translation>未选择会员。</translation>
    </message>
    <message>
        <source>Owes %1 yuan</source>
        <translation>欠缴 %1 元</translation>
    </message>
    <message>
        <source>credit carried forward %1 yuan</source>
        <translation>预缴余额 %1 元</translation>
    </message>
    <message>
        <source>Payment recorded</source>
        <translation>已登记缴款</translation>
    </message>
    <message>
        <source>Print the receipt now?</source>
        <translation>现在打印收据吗？</translation>
    </message>
</context>
</TS>
