<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ArrearsTab</name>
    <message>
        <source>Only unpaid for more than a year (R-12.1 (1))</source>
        <translation>只列一年以上未缴的（第十二条第（一）项）</translation>
    </message>
    <message>
        <source>Reminder list to Excel…</source>
        <translation>催缴名单存为 Excel…</translation>
    </message>
    <message>
        <source>Address labels…</source>
        <translation>打印地址标签…</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>班主任</translation>
    </message>
    <message>
        <source>Years unpaid</source>
        <translation>欠缴年度</translation>
    </message>
    <message>
        <source>Owes</source>
        <translation>欠缴金额</translation>
    </message>
    <message>
        <source>Unpaid since</source>
        <translation>自何日起未缴</translation>
    </message>
    <message>
        <source>Over a year</source>
        <translation>一年以上</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Liaison</source>
        <translation>联络员</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Nobody owes dues for a year that has begun.</source>
        <translation>没有会员欠缴已开始的会费年度。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>%1 member(s) owe %2 yuan; %3 of them for more than a year.</source>
        <translation>%1 个会员欠缴，合计 %2 元；其中 %3 个一年以上未缴。</translation>
    </message>
    <message>
        <source>Reminder list</source>
        <translation>会费催缴名单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the reminder list…</source>
        <translation>正在写入催缴名单…</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 个会员写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Address labels</source>
        <translation>地址标签</translation>
    </message>
    <message>
        <source>Printing address labels…</source>
        <translation>正在生成地址标签…</translation>
    </message>
</context>
<context>
    <name>BankTab</name>
    <message>
        <source>Import a bank statement…</source>
        <translation>导入银行流水…</translation>
    </message>
    <message>
        <source>Show every line (not only those waiting)</source>
        <translation>显示全部流水（不只待核对的）</translation>
    </message>
    <message>
        <source>Match to a member…</source>
        <translation>对应会员…</translation>
    </message>
    <message>
        <source>Not dues…</source>
        <translation>不是会费…</translation>
    </message>
    <message>
        <source>Incoming transfers are matched by a credit code or member number in the transfer&apos;s text, else by the payer&apos;s name, and booked; the rest wait here. A statement imported again books nothing twice.</source>
        <translation>收款按附言中的信用代码或会员编号、否则按付款人名称对应会员并入账；对应不上的留在这里人工核对。同一份流水再次导入不会重复入账。</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>已入账</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>待核对</translation>
    </message>
    <message>
        <source>not dues</source>
        <translation>不是会费</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付款人</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>付款账号</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>摘要/附言</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>流水号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>No bank line waits to be matched.</source>
        <translation>没有待核对的银行流水。</translation>
    </message>
    <message>
        <source>The bank&apos;s statement</source>
        <translation>银行流水</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Bank statement</source>
        <translation>银行流水</translation>
    </message>
    <message>
        <source>Importing the bank statement…</source>
        <translation>正在导入银行流水…</translation>
    </message>
</context>
<context>
    <name>DuesView</name>
    <message>
        <source>Dues by year</source>
        <translation>年度会费</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>欠费与催缴</translation>
    </message>
    <message>
        <source>Collection rates</source>
        <translation>收缴率</translation>
    </message>
    <message>
        <source>Reductions</source>
        <translation>减免情况</translation>
    </message>
    <message>
        <source>Bank statements</source>
        <translation>银行流水</translation>
    </message>
    <message>
        <source>Receipts and vouchers</source>
        <translation>收据与票据</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>会费标准</translation>
    </message>
</context>
<context>
    <name>RatesTab</name>
    <message>
        <source>By the members each mentor serves now; by count: paid in full; by amount: paid of due.</source>
        <translation>按各班主任目前负责的会员统计；按户数：已缴清的户数；按金额：已缴占应缴。</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>班主任</translation>
    </message>
    <message>
        <source>Members billed</source>
        <translation>应缴户数</translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation>已缴清户数</translation>
    </message>
    <message>
        <source>Rate by count</source>
        <translation>户数收缴率</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应缴金额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已缴金额</translation>
    </message>
    <message>
        <source>Rate by amount</source>
        <translation>金额收缴率</translation>
    </message>
</context>
<context>
    <name>ReceiptsTab</name>
    <message>
        <source>Receipts for payments without one</source>
        <translation>为未开收据的缴款开收据</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Vouchers requested</source>
        <translation>登记已申请票据</translation>
    </message>
    <message>
        <source>Voucher issued…</source>
        <translation>登记已开票据…</translation>
    </message>
    <message>
        <source>Mailed…</source>
        <translation>登记已寄出…</translation>
    </message>
    <message>
        <source>Receipts and paper vouchers issued and not yet mailed (R-9.4); a mailing batch marks them mailed too.</source>
        <translation>已开具尚未寄出的收据和纸质票据（第九条第（四）项）；随邮寄批次寄出时也会登记为已寄出。</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>voucher</source>
        <translation>票据</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收据编号</translation>
    </message>
    <message>
        <source>Voucher number</source>
        <translation>票据号码</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>交款单位</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <source>Every receipt and voucher has been mailed.</source>
        <translation>收据和票据均已寄出。</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>会费收据</translation>
    </message>
    <message numerus="yes">
        <source>%n receipt(s) issued.</source>
        <translation>
            <numerusform>已开具 %n 张收据。</numerusform>
        </translation>
    </message>
    <message>
        <source>Voucher issued</source>
        <translation>登记已开票据</translation>
    </message>
    <message>
        <source>Choose one receipt.</source>
        <translation>请选择一张收据。</translation>
    </message>
</context>
<context>
    <name>ReductionsTab</name>
    <message>
        <source>Open the consent&apos;s scan</source>
        <translation>查看同意书扫描件</translation>
    </message>
    <message>
        <source>To Excel…</source>
        <translation>存为 Excel…</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>应缴</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>同意缴纳</translation>
    </message>
    <message>
        <source>Reduction</source>
        <translation>减免</translation>
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
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>%1 reduction(s), %2 yuan in all.</source>
        <translation>共 %1 项减免，合计 %2 元。</translation>
    </message>
    <message>
        <source>No reduction in this year.</source>
        <translation>该年度没有减免。</translation>
    </message>
    <message>
        <source>Reductions</source>
        <translation>会费减免情况</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <source>%n reduction(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 项减免写入 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleTab</name>
    <message>
        <source>New schedule from a year…</source>
        <translation>新的会费标准…</translation>
    </message>
    <message>
        <source>From dues year</source>
        <translation>自会费年度起</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>the whole year</source>
        <translation>按全年缴纳</translation>
    </message>
    <message>
        <source>the months left, counting the month of joining</source>
        <translation>自入会当月起按剩余月数折算</translation>
    </message>
    <message>
        <source>nothing until the next dues year</source>
        <translation>当年免缴，自下一会费年度起缴</translation>
    </message>
    <message>
        <source>Dues year: from month %1. First year: %2. “Unpaid for more than a year”: %3, more than %4 months. (Settings dues.year_start_month, dues.first_year, dues.unpaid_counted_from, dues.unpaid_months.)</source>
        <translation>会费年度：自 %1 月起。入会当年：%2。“一年以上不交纳会费”：%3，超过 %4 个月。（系统设置 dues.year_start_month、dues.first_year、dues.unpaid_counted_from、dues.unpaid_months。）</translation>
    </message>
</context>
<context>
    <name>YearTab</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>未缴清</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已缴</translation>
    </message>
    <message>
        <source>Reduced</source>
        <translation>有减免</translation>
    </message>
    <message>
        <source>In credit</source>
        <translation>有预缴余额</translation>
    </message>
    <message>
        <source>Search name, credit code or member number  (Ctrl+F)</source>
        <translation>搜索单位名称、信用代码或会员编号（Ctrl+F）</translation>
    </message>
    <message>
        <source>Bill a year…</source>
        <translation>开具年度会费…</translation>
    </message>
    <message>
        <source>Record a payment…</source>
        <translation>登记缴款…</translation>
    </message>
    <message>
        <source>Consent to a reduction…</source>
        <translation>登记减免同意…</translation>
    </message>
    <message>
        <source>Record the resident leader&apos;s written consent (R-8.5)</source>
        <translation>登记驻会领导的书面同意（第八条第（五）项）</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>班主任</translation>
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
        <source>Owes</source>
        <translation>欠缴</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
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
        <source>part paid</source>
        <translation>部分缴纳</translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation>未缴</translation>
    </message>
    <message>
        <source>%1 bills: due %2 yuan, paid %3 yuan, owed %4 yuan; paid in full %5; reduced %6 (schedule %7 yuan).</source>
        <translation>共 %1 户：应缴 %2 元，已缴 %3 元，欠缴 %4 元；已缴清 %5 户；减免 %6 户（按标准 %7 元）。</translation>
    </message>
    <message>
        <source>Nothing billed for this year yet: “Bill a year…” bills every active member.</source>
        <translation>该年度尚未开具会费：点击“开具年度会费…”为全部正常会员开具。</translation>
    </message>
    <message>
        <source>No bill matches these filters.</source>
        <translation>没有符合筛选条件的会费记录。</translation>
    </message>
</context>
<context>
    <name>_Tab</name>
    <message>
        <source>All mentors</source>
        <translation>全部班主任</translation>
    </message>
    <message>
        <source>No mentor</source>
        <translation>未分配班主任</translation>
    </message>
    <message>
        <source>%1 dues year</source>
        <translation>%1 年度</translation>
    </message>
</context>
</TS>
