<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BatchPrintDialog</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>As in the settings</source>
        <translation>按系统设置</translation>
    </message>
    <message>
        <source>%1 label sheet</source>
        <translation>%1 标签纸</translation>
    </message>
    <message>
        <source>Only envelopes not yet sent</source>
        <translation>只打印尚未寄出的</translation>
    </message>
    <message numerus="yes">
        <source>Only the %n recipient(s) selected in the list</source>
        <translation>
            <numerusform>只打印列表中选中的 %n 个收件会员</numerusform>
        </translation>
    </message>
    <message>
        <source>Label sheet</source>
        <translation>标签纸</translation>
    </message>
    <message>
        <source>Labels already used on the first sheet</source>
        <translation>第一张标签纸已用的标签数</translation>
    </message>
    <message>
        <source>Envelope</source>
        <translation>信封</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
</context>
<context>
    <name>DoubtfulAddressesDialog</name>
    <message>
        <source>Doubtful addresses</source>
        <translation>地址存疑的会员</translation>
    </message>
    <message>
        <source>Set the contact or address…</source>
        <translation>修改收件人或地址…</translation>
    </message>
    <message>
        <source>The address is right</source>
        <translation>地址无误</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 (%2)  %3  returned on %4: %5</source>
        <translation>%1（%2）&#x3000;%3&#x3000;%4 退回：%5</translation>
    </message>
    <message>
        <source>Mentor: %1</source>
        <translation>班主任：%1</translation>
    </message>
    <message>
        <source>No doubtful addresses.</source>
        <translation>没有地址存疑的会员。</translation>
    </message>
</context>
<context>
    <name>EnvelopeContentsDialog</name>
    <message>
        <source>Envelope of %1</source>
        <translation>信封内容：%1</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Number or note</source>
        <translation>编号或说明</translation>
    </message>
    <message>
        <source>Receipts and invoices come from the dues records</source>
        <translation>会费收据和票据按会费记录自动列入</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>LiaisonToldDialog</name>
    <message>
        <source>Liaison told to look out for it</source>
        <translation>已告知联络员注意查收</translation>
    </message>
    <message>
        <source>When</source>
        <translation>告知时间</translation>
    </message>
    <message>
        <source>How</source>
        <translation>告知方式</translation>
    </message>
    <message numerus="yes">
        <source>%n envelope(s)</source>
        <translation>
            <numerusform>%n 个信封</numerusform>
        </translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>MailingContactDialog</name>
    <message>
        <source>Mailing contact of %1</source>
        <translation>邮寄收件人：%1</translation>
    </message>
    <message>
        <source>Liaison</source>
        <translation>联络员</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Someone else (below)</source>
        <translation>另行指定（下面填写）</translation>
    </message>
    <message>
        <source>Empty: the address in the member register</source>
        <translation>留空：用会员资料中的地址</translation>
    </message>
    <message>
        <source>Post goes to</source>
        <translation>邮件寄给</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address for post</source>
        <translation>邮寄地址</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>Copies of the journal</source>
        <translation>会刊份数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Mail to this address came back; I checked it and it is right</source>
        <translation>寄到这个地址的邮件曾被退回；已核实，地址无误</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>NewMailingBatchDialog</name>
    <message>
        <source>New mailing batch</source>
        <translation>新建邮寄批次</translation>
    </message>
    <message>
        <source>Journal %1, issue %2</source>
        <translation>%1年第%2期会刊</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>批次名称</translation>
    </message>
    <message>
        <source>Mailing date</source>
        <translation>邮寄日期</translation>
    </message>
    <message>
        <source>What it carries</source>
        <translation>邮寄内容</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>会刊</translation>
    </message>
    <message>
        <source>Documents (one title a line)</source>
        <translation>随寄文件（每行一个标题）</translation>
    </message>
    <message>
        <source>Dues receipts waiting to be mailed (each to its member)</source>
        <translation>待寄的会费收据（各寄给其会员）</translation>
    </message>
    <message>
        <source>Invoices (paper dues vouchers) waiting to be mailed</source>
        <translation>待寄的发票（纸质会费票据）</translation>
    </message>
    <message>
        <source>Honour certificate</source>
        <translation>荣誉证书</translation>
    </message>
    <message>
        <source>Member numbers of the awarded members (empty: add them per envelope later)</source>
        <translation>获证会员的会员编号（留空：以后在各信封内容中添加）</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>收件会员</translation>
    </message>
    <message>
        <source>All active members</source>
        <translation>全部正常会员</translation>
    </message>
    <message>
        <source>Members of the level</source>
        <translation>某会员级别的会员</translation>
    </message>
    <message>
        <source>Members of the mentor</source>
        <translation>某班主任联系的会员</translation>
    </message>
    <message>
        <source>Members with receipts or invoices waiting</source>
        <translation>有待寄会费收据或票据的会员</translation>
    </message>
    <message>
        <source>The member register&apos;s current search</source>
        <translation>会员名册当前的搜索</translation>
    </message>
    <message>
        <source>Only the members picked below</source>
        <translation>只寄给下面手工选择的会员</translation>
    </message>
    <message>
        <source>Add members by hand: name, member number, liaison or phone</source>
        <translation>手工添加会员：名称、会员编号、联络员或电话</translation>
    </message>
    <message>
        <source>Add →</source>
        <translation>添加 →</translation>
    </message>
    <message>
        <source>← Remove</source>
        <translation>← 移除</translation>
    </message>
    <message>
        <source>Include withdrawn and cancelled members (they are marked)</source>
        <translation>包括已退会和已取消资格的会员（将标明）</translation>
    </message>
    <message>
        <source>Create the batch</source>
        <translation>新建批次</translation>
    </message>
    <message>
        <source>(open the member register first)</source>
        <translation>（请先打开会员名册）</translation>
    </message>
    <message>
        <source>(no search: every member)</source>
        <translation>（没有搜索条件：全部会员）</translation>
    </message>
    <message>
        <source>Reading the recipients&apos; addresses…</source>
        <translation>正在读取收件会员的地址…</translation>
    </message>
</context>
<context>
    <name>ProofPhotosDialog</name>
    <message>
        <source>Photos of what was mailed: %1</source>
        <translation>邮寄照片：%1</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>邮寄照片</translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>照片和扫描件 (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <source>Remove the selected photo?</source>
        <translation>删除所选照片？</translation>
    </message>
</context>
<context>
    <name>ReturnedMailDialog</name>
    <message>
        <source>Returned: %1</source>
        <translation>登记退回：%1</translation>
    </message>
    <message>
        <source>Came back on</source>
        <translation>退回日期</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <source>The member&apos;s address is marked as doubtful for its mentor until it is corrected or confirmed.</source>
        <translation>该会员的地址将标为“存疑”，提醒班主任核实，直到地址更正或确认无误。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>TrackingNumbersDialog</name>
    <message>
        <source>Tracking numbers</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <source>Paste one parcel a line: the tracking number and what names the recipient — the order reference of the manifest (e.g. YJ2026001-0012), the member number, the organisation, the contact or the phone. Envelopes not yet marked sent are marked sent on the date below.</source>
        <translation>每行粘贴一件：快递单号，以及能找到收件会员的任一项——快递清单的用户订单号（如 YJ2026001-0012）、会员编号、单位名称、收件人或电话。尚未登记寄出的，按下面的日期登记寄出。</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>寄出日期</translation>
    </message>
    <message>
        <source>Import the courier&apos;s workbook…</source>
        <translation>导入快递公司的运单表…</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Courier&apos;s workbook</source>
        <translation>快递公司的运单表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
</TS>
