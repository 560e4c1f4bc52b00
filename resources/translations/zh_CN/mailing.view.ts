<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MailingView</name>
    <message>
        <source>New batch…</source>
        <translation>新建批次…</translation>
    </message>
    <message>
        <source>Compose a new mailing batch (Ctrl+N)</source>
        <translation>编排新的邮寄批次（Ctrl+N）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete a batch nothing of which was sent</source>
        <translation>删除一个尚未寄出任何信封的批次</translation>
    </message>
    <message>
        <source>Doubtful addresses…</source>
        <translation>地址存疑…</translation>
    </message>
    <message>
        <source>No mailing batches yet. “New batch…” composes one.</source>
        <translation>还没有邮寄批次。点“新建批次…”编排一个。</translation>
    </message>
    <message>
        <source>No mailing batches yet.</source>
        <translation>还没有邮寄批次。</translation>
    </message>
    <message>
        <source>All recipients</source>
        <translation>全部收件会员</translation>
    </message>
    <message>
        <source>Problems to fix</source>
        <translation>有问题待处理</translation>
    </message>
    <message>
        <source>To send</source>
        <translation>待寄出</translation>
    </message>
    <message>
        <source>Sent, not yet delivered</source>
        <translation>已寄出未签收</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>被退回</translation>
    </message>
    <message>
        <source>No photo yet</source>
        <translation>缺邮寄照片</translation>
    </message>
    <message>
        <source>Liaison not told yet</source>
        <translation>未告知联络员</translation>
    </message>
    <message>
        <source>Withdrawn or cancelled</source>
        <translation>已退会或已取消资格</translation>
    </message>
    <message>
        <source>Search recipient, member number, contact, phone or tracking number  (Ctrl+F)</source>
        <translation>搜索收件单位、会员编号、收件人、电话或快递单号（Ctrl+F）</translation>
    </message>
    <message>
        <source>Only my members</source>
        <translation>只看我联系的会员</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Address labels…</source>
        <translation>地址标签…</translation>
    </message>
    <message>
        <source>Envelopes…</source>
        <translation>信封…</translation>
    </message>
    <message>
        <source>Packing lists…</source>
        <translation>装封清单…</translation>
    </message>
    <message>
        <source>Courier manifest (Excel)…</source>
        <translation>快递批量下单表（Excel）…</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>登记寄出</translation>
    </message>
    <message>
        <source>The selected envelopes (or, with none selected, every one still to send) went out today</source>
        <translation>所选信封（未选时为全部待寄出的）今天已寄出</translation>
    </message>
    <message>
        <source>Tracking numbers…</source>
        <translation>快递单号…</translation>
    </message>
    <message>
        <source>Mark delivered</source>
        <translation>登记签收</translation>
    </message>
    <message>
        <source>Returned…</source>
        <translation>登记退回…</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Envelope contents…</source>
        <translation>信封内容…</translation>
    </message>
    <message>
        <source>Read the addresses again</source>
        <translation>重新读取地址</translation>
    </message>
    <message>
        <source>Undo the last step of the selected</source>
        <translation>撤销所选的上一步登记</translation>
    </message>
    <message>
        <source>Take out of the batch…</source>
        <translation>移出批次…</translation>
    </message>
    <message>
        <source>Add the register&apos;s selected member</source>
        <translation>加入会员名册中选中的会员</translation>
    </message>
    <message>
        <source>Photos…</source>
        <translation>邮寄照片…</translation>
    </message>
    <message>
        <source>R-8.4: photograph invoices, certificates and other important documents before mailing</source>
        <translation>第八条第（四）项：邮寄发票、证书等重要文件时拍照留存</translation>
    </message>
    <message>
        <source>Liaison told…</source>
        <translation>已告知联络员…</translation>
    </message>
    <message>
        <source>Mailing contact…</source>
        <translation>邮寄收件人…</translation>
    </message>
    <message>
        <source>Open member</source>
        <translation>打开会员</translation>
    </message>
    <message>
        <source>Open the member in the register to fix its address or contacts (Enter)</source>
        <translation>在会员名册中打开该会员，补正地址或联系人（Enter）</translation>
    </message>
    <message>
        <source>Doubtful addresses (%1)…</source>
        <translation>地址存疑（%1）…</translation>
    </message>
    <message>
        <source>No batch chosen</source>
        <translation>未选择批次</translation>
    </message>
    <message>
        <source>Carries: %1</source>
        <translation>邮寄内容：%1</translation>
    </message>
    <message>
        <source>Recipients: %1</source>
        <translation>收件会员：%1</translation>
    </message>
    <message>
        <source>Left out (withdrawn or cancelled): %1</source>
        <translation>未列入（已退会或已取消资格）：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n withdrawn or cancelled member(s) matched the filter and were left out</source>
        <translation>
            <numerusform>另有 %n 个已退会或已取消资格的会员符合条件，未列入</numerusform>
        </translation>
    </message>
    <message>
        <source>Still to do: %1</source>
        <translation>尚待处理：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) shown</source>
        <translation>
            <numerusform>显示 %n 个收件会员</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing here: this filter shows no recipient.</source>
        <translation>此筛选条件下没有收件会员。</translation>
    </message>
    <message>
        <source>The batch has no recipients.</source>
        <translation>该批次没有收件会员。</translation>
    </message>
    <message>
        <source>Select one recipient in the list first.</source>
        <translation>请先在列表中选择一个收件会员。</translation>
    </message>
    <message>
        <source>Delete batch</source>
        <translation>删除批次</translation>
    </message>
    <message>
        <source>Delete the batch %1 “%2” with its %3 recipients? Nothing of it was sent.</source>
        <translation>删除批次 %1“%2”及其 %3 个收件会员？该批次尚未寄出任何信封。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>Generating %1…</source>
        <translation>正在生成%1…</translation>
    </message>
    <message>
        <source>Every envelope of this batch is already sent.</source>
        <translation>该批次的信封都已寄出。</translation>
    </message>
    <message>
        <source>Mark all %1 envelopes still to send as sent today?</source>
        <translation>将全部 %1 个待寄出的信封登记为今天寄出？</translation>
    </message>
    <message>
        <source>Select the delivered envelopes first.</source>
        <translation>请先选择已签收的信封。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Take back “%1” recorded for %2?</source>
        <translation>撤销对“%2”登记的“%1”？</translation>
    </message>
    <message>
        <source>Envelope contents</source>
        <translation>信封内容</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) changed (only envelopes not yet sent are read again).</source>
        <translation>
            <numerusform>%n 个收件会员的地址或收件人有变化（只重新读取尚未寄出的）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Take out of the batch</source>
        <translation>移出批次</translation>
    </message>
    <message numerus="yes">
        <source>Take %n recipient(s) out of the batch?</source>
        <translation>
            <numerusform>将 %n 个收件会员移出批次？</numerusform>
        </translation>
    </message>
    <message>
        <source>Add</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Select a member in the member register first.</source>
        <translation>请先在会员名册中选择会员。</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>邮寄照片</translation>
    </message>
    <message>
        <source>Liaison told</source>
        <translation>已告知联络员</translation>
    </message>
    <message>
        <source>Select the recipients whose liaison was told first.</source>
        <translation>请先选择已告知联络员的收件会员。</translation>
    </message>
    <message>
        <source>Mailing contact</source>
        <translation>邮寄收件人</translation>
    </message>
</context>
</TS>
