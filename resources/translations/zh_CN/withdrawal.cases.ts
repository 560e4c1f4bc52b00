<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CasesTab</name>
    <message>
        <source>Search organisation, member number or notice number  (Ctrl+F)</source>
        <translation>搜索单位名称、会员编号或告知书文号（Ctrl+F）</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>未结案件</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>Voluntary withdrawals</source>
        <translation>主动退会</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>取消会员资格</translation>
    </message>
    <message>
        <source>Record a withdrawal letter…</source>
        <translation>登记退会函件…</translation>
    </message>
    <message>
        <source>Issue notices…</source>
        <translation>发出告知书…</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>告知书</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Print the notice</source>
        <translation>打印告知书</translation>
    </message>
    <message>
        <source>Obligations met…</source>
        <translation>已履行义务…</translation>
    </message>
    <message>
        <source>Deemed withdrawn…</source>
        <translation>视为自动退会…</translation>
    </message>
    <message>
        <source>Council confirmation…</source>
        <translation>理事会确认…</translation>
    </message>
    <message>
        <source>Drop the case…</source>
        <translation>撤销案件…</translation>
    </message>
    <message>
        <source>Withdrawal takes effect</source>
        <translation>退会生效</translation>
    </message>
    <message>
        <source>Certificate and plaque…</source>
        <translation>会员证和牌匾…</translation>
    </message>
    <message>
        <source>File an appeal…</source>
        <translation>登记申诉…</translation>
    </message>
    <message>
        <source>The member&apos;s written letter (Article 11)</source>
        <translation>会员单位的书面函件（第十一条）</translation>
    </message>
    <message>
        <source>Only the membership office runs the withdrawal procedures.</source>
        <translation>只有会籍管理部可以办理退会程序。</translation>
    </message>
    <message>
        <source>%1 case(s)</source>
        <translation>共 %1 个案件</translation>
    </message>
    <message>
        <source>No open case. Confirm candidates under “Review”, or record a withdrawal letter.</source>
        <translation>没有未结案件。可在“核查”中确认候选会员，或登记退会函件。</translation>
    </message>
    <message>
        <source>No case matches.</source>
        <translation>没有符合条件的案件。</translation>
    </message>
    <message>
        <source>Select confirmed cases (status “Confirmed, notice not yet issued”)</source>
        <translation>请选择已确认的案件（状态为“已确认，待发告知书”）</translation>
    </message>
    <message>
        <source>Issue %1 notice(s)…</source>
        <translation>发出 %1 份告知书…</translation>
    </message>
    <message>
        <source>Select a case.</source>
        <translation>请选择一个案件。</translation>
    </message>
    <message>
        <source>Appeal: %1</source>
        <translation>申诉书：%1</translation>
    </message>
    <message>
        <source>Letter received</source>
        <translation>收到函件</translation>
    </message>
    <message>
        <source>Takes effect</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Reason given</source>
        <translation>来函所述原因</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>会员证</translation>
    </message>
    <message>
        <source>returned on %1</source>
        <translation>%1 交回</translation>
    </message>
    <message>
        <source>not returned yet</source>
        <translation>尚未交回</translation>
    </message>
    <message>
        <source>Plaque</source>
        <translation>牌匾</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>核查日期</translation>
    </message>
    <message>
        <source>%1, confirmed by %2</source>
        <translation>%1，%2 确认</translation>
    </message>
    <message>
        <source>Still holds today</source>
        <translation>目前仍存在</translation>
    </message>
    <message>
        <source>None of the grounds holds any more: the member met its obligations.</source>
        <translation>所列情形均已不存在：会员已履行义务。</translation>
    </message>
    <message>
        <source>%1 of %2, response by %3</source>
        <translation>%1，%2 发出，答复期限 %3</translation>
    </message>
    <message>
        <source>Posting</source>
        <translation>邮寄</translation>
    </message>
    <message>
        <source>no mailing batch</source>
        <translation>没有邮寄批次</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Evidence of the outcome</source>
        <translation>结果的依据</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>理事会</translation>
    </message>
    <message>
        <source>Positions ended</source>
        <translation>终止的职务</translation>
    </message>
    <message>
        <source>Council&apos;s reply %1: %2</source>
        <translation>理事会答复 %1：%2</translation>
    </message>
    <message>
        <source>Submitted to the general assembly on %1</source>
        <translation>%1 提交会员（代表）大会审议</translation>
    </message>
    <message>
        <source>General assembly %1: %2</source>
        <translation>会员（代表）大会 %1：%2</translation>
    </message>
    <message>
        <source>Mentor&apos;s task</source>
        <translation>班主任待办</translation>
    </message>
    <message>
        <source>Done. What ended with the membership:</source>
        <translation>已办理。随会籍终止的事项：</translation>
    </message>
    <message>
        <source>Record a withdrawal letter (Article 11)</source>
        <translation>登记退会函件（第十一条）</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Letter received on</source>
        <translation>收到函件日期</translation>
    </message>
    <message>
        <source>Scan of the letter</source>
        <translation>函件扫描件</translation>
    </message>
    <message>
        <source>Membership ends on</source>
        <translation>会籍终止日期</translation>
    </message>
    <message>
        <source>Empty: the day the letter was received</source>
        <translation>留空：收到函件之日</translation>
    </message>
    <message>
        <source>Reason given in the letter</source>
        <translation>函件所述退会原因</translation>
    </message>
    <message>
        <source>Certificate returned on</source>
        <translation>会员证交回日期</translation>
    </message>
    <message>
        <source>Certificate not returned because</source>
        <translation>会员证未交回的原因</translation>
    </message>
    <message>
        <source>Plaque returned on</source>
        <translation>牌匾交回日期</translation>
    </message>
    <message>
        <source>Plaque not returned because</source>
        <translation>牌匾未交回的原因</translation>
    </message>
    <message>
        <source>A member withdraws by written letter and returns its certificates. When the membership ends, its positions end, the mentor assignment closes, future dues are cancelled and the mentor is asked to remove it from the WeChat group.</source>
        <translation>会员单位向本会递交书面函件并交回会员有关证书（第十一条）。会籍终止时，其在本会的职务随之终止，班主任分配结束，以后年度的会费取消，并提醒班主任将其移出班级微信管理群。</translation>
    </message>
    <message>
        <source>Issue withdrawal notices</source>
        <translation>发出退会告知书</translation>
    </message>
    <message>
        <source>Notice date</source>
        <translation>告知日期</translation>
    </message>
    <message>
        <source>%1 notice(s) get a reference number and the response deadline from the settings, and go out together as one mailing batch: record the posting there. The notices state only the grounds recorded with each case.</source>
        <translation>将为 %1 份告知书编文号、按设置确定答复期限，并作为一个邮寄批次寄出（请在邮寄批次中登记寄出情况）。告知书只列出各案件中已记录的情形。</translation>
    </message>
    <message>
        <source>Issue and print</source>
        <translation>发出并打印</translation>
    </message>
    <message>
        <source>Withdrawal notices</source>
        <translation>退会告知书</translation>
    </message>
    <message>
        <source>Drawing the notice…</source>
        <translation>正在生成告知书…</translation>
    </message>
    <message>
        <source>Withdrawal notice</source>
        <translation>退会告知书</translation>
    </message>
    <message>
        <source>The member met its obligations</source>
        <translation>会员已履行义务</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What it did</source>
        <translation>履行义务的情况</translation>
    </message>
    <message>
        <source>e.g. paid the 2025 dues on …, took part in …</source>
        <translation>如：于……补缴2025年度会费，参加了……</translation>
    </message>
    <message>
        <source>The case closes with the evidence (payments, attendance, a lifted record); the member stays.</source>
        <translation>案件以相应证据（缴费、参加活动、解除记录）结案，会员保留会籍。</translation>
    </message>
    <message>
        <source>Deemed withdrawn</source>
        <translation>视为自动退会</translation>
    </message>
    <message>
        <source>How the member refused</source>
        <translation>会员拒绝履行义务的情况</translation>
    </message>
    <message>
        <source>Its answer, the calls made, the letters returned …</source>
        <translation>会员的答复、电话联系记录、退回的信件……</translation>
    </message>
    <message>
        <source>Article 12: a member that refuses to meet its obligations after the deadline is deemed to have withdrawn. Silence alone is not refusal: record what shows it. The council then confirms.</source>
        <translation>第十二条：答复期限届满后会员单位拒绝履行义务的，视为自动退会。仅未答复不等于拒绝，请记录能证明其拒绝的情况。随后由理事会确认。</translation>
    </message>
    <message>
        <source>Council confirmation</source>
        <translation>理事会确认</translation>
    </message>
    <message>
        <source>Council&apos;s decision on</source>
        <translation>理事会决定日期</translation>
    </message>
    <message>
        <source>Resolution number</source>
        <translation>决议文号</translation>
    </message>
    <message>
        <source>The membership is cancelled: its positions end, the mentor assignment closes, future dues are cancelled (arrears stay on record) and the mentor is asked to remove it from the WeChat group.</source>
        <translation>取消会员资格：其职务终止，班主任分配结束，以后年度的会费取消（欠费仍保留记录），并提醒班主任将其移出班级微信管理群。</translation>
    </message>
    <message>
        <source>Cancel the membership</source>
        <translation>取消会员资格</translation>
    </message>
    <message>
        <source>Drop the case</source>
        <translation>撤销案件</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Only before any notice went out (confirmed by mistake …).</source>
        <translation>只能在告知书发出之前撤销（如误确认）。</translation>
    </message>
    <message>
        <source>End the membership of %1 now, as its letter asked?</source>
        <translation>按来函要求，现在终止“%1”的会籍？</translation>
    </message>
    <message>
        <source>Certificate and plaque</source>
        <translation>会员证和牌匾</translation>
    </message>
    <message>
        <source>File an appeal (Article 13)</source>
        <translation>登记申诉（第十三条）</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>申诉日期</translation>
    </message>
    <message>
        <source>Scan of the written appeal</source>
        <translation>申诉书扫描件</translation>
    </message>
    <message>
        <source>The council answers; where needed it submits the appeal to the general assembly first.</source>
        <translation>由理事会作出答复；必要时先提交会员（代表）大会审议。</translation>
    </message>
</context>
<context>
    <name>Withdrawal</name>
    <message>
        <source>passed %1 day(s) ago</source>
        <translation>已过 %1 天</translation>
    </message>
    <message>
        <source>%1 day(s) left</source>
        <translation>还剩 %1 天</translation>
    </message>
</context>
</TS>
