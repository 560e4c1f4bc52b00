<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AdmissionLabels</name>
    <message>
        <source>Received and briefed</source>
        <translation>接待并介绍协会情况</translation>
    </message>
    <message>
        <source>Visit to the association</source>
        <translation>来会考察交流</translation>
    </message>
    <message>
        <source>Application and filing forms</source>
        <translation>填写入会申请表、备案表</translation>
    </message>
    <message>
        <source>Documents submitted</source>
        <translation>提交资料</translation>
    </message>
    <message>
        <source>Credit check (re-admission)</source>
        <translation>信用考察（重新入会）</translation>
    </message>
    <message>
        <source>Initial review</source>
        <translation>会籍管理部初审</translation>
    </message>
    <message>
        <source>Leadership approval</source>
        <translation>领导审批</translation>
    </message>
    <message>
        <source>Dues paid</source>
        <translation>缴纳会费</translation>
    </message>
    <message>
        <source>Sign-off by the resident leader</source>
        <translation>驻会领导签批</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>入会登记</translation>
    </message>
    <message>
        <source>Waiting for the visit</source>
        <translation>等待来会考察</translation>
    </message>
    <message>
        <source>Waiting for the forms</source>
        <translation>等待填写申请表和备案表</translation>
    </message>
    <message>
        <source>Waiting for the documents</source>
        <translation>等待提交资料</translation>
    </message>
    <message>
        <source>Waiting for the credit check</source>
        <translation>等待信用考察</translation>
    </message>
    <message>
        <source>Waiting for the initial review</source>
        <translation>等待初审</translation>
    </message>
    <message>
        <source>Waiting for leadership approval</source>
        <translation>等待领导审批</translation>
    </message>
    <message>
        <source>Waiting for the dues</source>
        <translation>等待缴纳会费</translation>
    </message>
    <message>
        <source>Waiting for the sign-off</source>
        <translation>等待驻会领导签批</translation>
    </message>
    <message>
        <source>Waiting for registration</source>
        <translation>等待入会登记</translation>
    </message>
    <message>
        <source>Record the visit…</source>
        <translation>登记来会考察…</translation>
    </message>
    <message>
        <source>Forms filled in…</source>
        <translation>申请表、备案表已填写…</translation>
    </message>
    <message>
        <source>Documents complete…</source>
        <translation>资料齐全…</translation>
    </message>
    <message>
        <source>Record the credit check…</source>
        <translation>登记信用考察…</translation>
    </message>
    <message>
        <source>Initial review…</source>
        <translation>初审…</translation>
    </message>
    <message>
        <source>Approve as the leadership…</source>
        <translation>领导审批…</translation>
    </message>
    <message>
        <source>Record the dues…</source>
        <translation>登记缴纳会费…</translation>
    </message>
    <message>
        <source>Sign off…</source>
        <translation>签批…</translation>
    </message>
    <message>
        <source>Register the member…</source>
        <translation>办理入会登记…</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <source>New application</source>
        <translation>受理入会申请</translation>
    </message>
    <message>
        <source>Correct the applicant&apos;s details</source>
        <translation>修改申请单位资料</translation>
    </message>
    <message>
        <source>How the applicant was received and what it was told about the association</source>
        <translation>接待情况，以及向申请单位介绍了协会的哪些情况</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 位</translation>
    </message>
    <message>
        <source>Level applied for</source>
        <translation>申请会员级别</translation>
    </message>
    <message>
        <source>Application date</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>接待人</translation>
    </message>
    <message>
        <source>In charge</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Reception and briefing</source>
        <translation>接待与介绍</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位资料</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Receive the application</source>
        <translation>受理申请</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Re-admission (R-15.1): </source>
        <translation>重新入会（第十五条）：</translation>
    </message>
    <message>
        <source>Earlier applications: </source>
        <translation>以往申请：</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Grant: the membership may be restored by paying the arrears</source>
        <translation>准予：补缴会费后恢复会籍</translation>
    </message>
    <message>
        <source>Refuse: the two-year rule applies</source>
        <translation>不同意：按满两年的规定办理</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Date of the visit</source>
        <translation>考察日期</translation>
    </message>
    <message>
        <source>Leader who came</source>
        <translation>来访领导</translation>
    </message>
    <message>
        <source>e.g. chairman, general manager</source>
        <translation>如董事长、总经理</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>What was discussed</source>
        <translation>考察交流情况</translation>
    </message>
    <message>
        <source>The application form is filled in and signed</source>
        <translation>入会申请表已填写并签章</translation>
    </message>
    <message>
        <source>The filing form is filled in</source>
        <translation>备案表已填写</translation>
    </message>
    <message>
        <source>Both forms can be printed pre-filled from the application&apos;s panel.</source>
        <translation>两张表可在申请详情中打印（已预填单位资料）。</translation>
    </message>
    <message>
        <source>Every document of the checklist is attached: business licence, qualification certificate, profile (electronic) and brochure (paper, scanned). Confirm that they are complete and legible.</source>
        <translation>资料清单已全部上传：营业执照复印件、资质证书复印件、单位简介（电子版）和单位画册（纸质版的扫描件）。请确认齐全、清晰。</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>考察结论</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>考察日期</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>考察依据</translation>
    </message>
    <message>
        <source>Where the credit was checked and what was found; attach reports on the Documents tab</source>
        <translation>在何处查询信用情况、查到什么；查询报告可在“资料”页上传</translation>
    </message>
    <message>
        <source>Opinion of the initial review</source>
        <translation>初审意见</translation>
    </message>
    <message>
        <source>Leadership&apos;s opinion</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>收据编号</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>缴费日期</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>签批意见</translation>
    </message>
    <message>
        <source>Agreed (when left empty)</source>
        <translation>不填写即为“同意入会”</translation>
    </message>
    <message>
        <source>The membership is restored by back-payment, as the resident leader decided: the former member keeps its member number and joining date and gets a new certificate number.</source>
        <translation>按驻会领导的决定补缴会费恢复会籍：保留原会员编号和入会日期，另发新的会员证编号。</translation>
    </message>
    <message>
        <source>The former member is admitted again: it gets a new member number and joining date, and a new certificate number.</source>
        <translation>原会员重新入会：重新编排会员编号和入会日期，另发新的会员证编号。</translation>
    </message>
    <message>
        <source>The member is entered in the register with a member number and a certificate number from the office&apos;s formats.</source>
        <translation>按设定的编号格式分配会员编号和会员证编号，录入会员名册。</translation>
    </message>
    <message>
        <source>The certificate and the plaque order are queued for printing; the new member then appears among the members without a mentor for allocation.</source>
        <translation>会员证和牌匾订制单加入打印队列；新会员列入“未分配班主任”，等待分配班主任。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
