<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>WorkbenchView</name>
    <message>
        <source>Waiting</source>
        <translation>待办数</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Enter or a double click opens the place where the work is done.</source>
        <translation>按回车键或双击，打开办理该项工作的地方。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Today's work – %1 (%2), %3</source>
        <translation>今日工作 – %1（%2），%3</translation>
    </message>
    <message>
        <source>Your role has no daily work to follow here.</source>
        <translation>您的角色在此没有需要跟进的日常工作。</translation>
    </message>
    <message>
        <source>%1 kinds of work are waiting. Start at the top: applicants wait at the door.</source>
        <translation>有 %1 项工作待办。请从上往下办理：入会申请单位在等候。</translation>
    </message>
    <message>
        <source>Nothing is waiting. Well done.</source>
        <translation>没有待办的工作。</translation>
    </message>
    <message>
        <source>Applications: %1</source>
        <translation>入会申请：%1</translation>
    </message>
    <message>
        <source>Certificates and plaque orders to print</source>
        <translation>待打印的会员证和牌匾订制单</translation>
    </message>
    <message>
        <source>Handover forms to apply to the register</source>
        <translation>待办理的联系资料交接通知单</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>到期的跟进事项</translation>
    </message>
    <message>
        <source>Outstanding-liaison nominations to decide</source>
        <translation>待决定的优秀通联员推荐</translation>
    </message>
    <message>
        <source>Members in arrears</source>
        <translation>欠缴会费的会员</translation>
    </message>
    <message>
        <source>Cancellation review: unpaid for more than a year</source>
        <translation>取消资格审查：一年以上未交纳会费</translation>
    </message>
    <message>
        <source>Cancellations confirmed, notice not yet issued</source>
        <translation>已确认取消资格、尚未发退会告知书</translation>
    </message>
    <message>
        <source>Withdrawal notices near or past their deadline</source>
        <translation>退会告知书答复期限将到或已过</translation>
    </message>
    <message>
        <source>Tasks after a member left</source>
        <translation>会员退会后的事项</translation>
    </message>
    <message>
        <source>Mailed documents without a photo</source>
        <translation>邮寄重要文件缺拍照</translation>
    </message>
    <message>
        <source>Mailed documents, liaison not told</source>
        <translation>邮寄重要文件未告知联络员</translation>
    </message>
    <message>
        <source>Publish the roster</source>
        <translation>发布会员名册</translation>
    </message>
    <message>
        <source>Open the admission queue at this step</source>
        <translation>打开入会申请队列的这一步</translation>
    </message>
    <message>
        <source>Queued at registration (Article 5); opens the print queue</source>
        <translation>入会登记时加入打印队列（第五条）；打开打印队列</translation>
    </message>
    <message>
        <source>Forms the mentors filed, waiting for the office (Article 9 (3))</source>
        <translation>班主任已填报，等待会籍管理部办理（第九条第（三）项）</translation>
    </message>
    <message>
        <source>%1 of them overdue; from the contact log (Article 8 (2))</source>
        <translation>其中 %1 项已逾期；来自联系记录（第八条第（二）项）</translation>
    </message>
    <message>
        <source>Waiting for the secretariat's decision (Article 10 (5))</source>
        <translation>等待秘书处决定（第十条第（五）项）</translation>
    </message>
    <message>
        <source>%1 yuan owed; %2 members unpaid for more than a year</source>
        <translation>共欠 %1 元；其中 %2 个会员一年以上未交纳</translation>
    </message>
    <message>
        <source>Members not yet in a case (Article 12 (1)); opens and runs the review</source>
        <translation>尚未立案的会员（第十二条第（一）项）；打开并进行审查</translation>
    </message>
    <message>
        <source>Issue and mail the withdrawal notice (Article 12)</source>
        <translation>出具并邮寄退会告知书（第十二条）</translation>
    </message>
    <message>
        <source>%1 past the response deadline; shown %2 days before it</source>
        <translation>%1 件已过答复期限；期限前 %2 天开始提醒</translation>
    </message>
    <message>
        <source>Take the former member out of your WeChat group (Article 14)</source>
        <translation>把已退会的会员移出班级微信群（第十四条）</translation>
    </message>
    <message>
        <source>Invoices, certificates and other important documents (Article 8 (4)); in %1 batches</source>
        <translation>发票、证书等重要文件（第八条第（四）项）；涉及 %1 个批次</translation>
    </message>
    <message>
        <source>Never published; publish it every %1 days (Article 9 (2))</source>
        <translation>从未发布；应每 %1 天发布一次（第九条第（二）项）</translation>
    </message>
    <message>
        <source>Last published on %1; publish it every %2 days (Article 9 (2))</source>
        <translation>上次发布于 %1；应每 %2 天发布一次（第九条第（二）项）</translation>
    </message>
</context>
</TS>
