<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AllocationView</name>
    <message>
        <source>Search name, credit code, member number or main business  (Ctrl+F)</source>
        <translation>搜索单位名称、信用代码、会员编号或主营业务（Ctrl+F）</translation>
    </message>
    <message>
        <source>Only members without a mentor</source>
        <translation>只看未分配班主任的会员</translation>
    </message>
    <message>
        <source>Show all mentors&apos; members</source>
        <translation>显示全部会员</translation>
    </message>
    <message>
        <source>Category and business</source>
        <translation>单位类别和主营业务</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员数</translation>
    </message>
    <message>
        <source>No mentor</source>
        <translation>未分配</translation>
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
        <source>Category</source>
        <translation>单位类别</translation>
    </message>
    <message>
        <source>Business kind</source>
        <translation>业务分类</translation>
    </message>
    <message>
        <source>Main business</source>
        <translation>主营业务</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>班主任</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>建议班主任</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Assign the suggested mentors</source>
        <translation>按建议分配班主任</translation>
    </message>
    <message>
        <source>Each selected member to the mentor already serving its category and business with the lightest load (Ctrl+Enter)</source>
        <translation>把选中的每个会员分配给已负责同类别同业务、负担最轻的班主任（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Assign to a mentor…</source>
        <translation>分配给班主任…</translation>
    </message>
    <message>
        <source>File under a business kind…</source>
        <translation>设置业务分类…</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Construction</source>
        <translation>建筑业</translation>
    </message>
    <message>
        <source>Industry chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>事业单位</translation>
    </message>
    <message>
        <source>Societies</source>
        <translation>社会团体</translation>
    </message>
    <message>
        <source>Serves most</source>
        <translation>主要负责</translation>
    </message>
    <message>
        <source>Assign the selected members here</source>
        <translation>把选中的会员分配给该班主任</translation>
    </message>
    <message>
        <source>Hand over all members…</source>
        <translation>移交全部会员…</translation>
    </message>
    <message>
        <source>Before a mentor leaves the secretariat: move every member it serves to other mentors</source>
        <translation>班主任离开秘书处之前：把其负责的全部会员移交给其他班主任</translation>
    </message>
    <message>
        <source>Show its members</source>
        <translation>查看其会员</translation>
    </message>
    <message>
        <source>Mentors and their load — drag members onto a mentor to assign them</source>
        <translation>各班主任及其负责的会员——把会员拖到班主任上即可分配</translation>
    </message>
    <message>
        <source>Mentors and their load</source>
        <translation>各班主任及其负责的会员</translation>
    </message>
    <message>
        <source>%1 member(s), %2 without a mentor</source>
        <translation>共 %1 个会员，其中 %2 个未分配班主任</translation>
    </message>
    <message>
        <source> — the first %1 shown; narrow the search or choose a group</source>
        <translation>——只显示前 %1 个，请缩小搜索范围或选择分组</translation>
    </message>
    <message>
        <source>Every member here has a mentor.</source>
        <translation>这里的会员都已分配班主任。</translation>
    </message>
    <message>
        <source>No active member matches this search or group.</source>
        <translation>没有符合搜索条件或分组的正常会员。</translation>
    </message>
    <message>
        <source>All active members</source>
        <translation>全部正常会员</translation>
    </message>
    <message>
        <source>Members of %1</source>
        <translation>%1 的会员</translation>
    </message>
    <message>
        <source>%1 member(s) assigned, %2 reassigned.</source>
        <translation>已分配 %1 个会员，更换班主任 %2 个。</translation>
    </message>
    <message>
        <source>%1 already had that mentor.</source>
        <translation>%1 个会员原本就是该班主任。</translation>
    </message>
    <message>
        <source>Allocating %1 members…</source>
        <translation>正在分配 %1 个会员……</translation>
    </message>
    <message>
        <source> and others</source>
        <translation>等</translation>
    </message>
    <message>
        <source>%1 member(s) already have a mentor (%2). Changing a member&apos;s mentor needs the reason; it is kept in the member&apos;s history.</source>
        <translation>%1 个会员已有班主任（%2）。更换班主任须填写原因，原因记入会员的历史。</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>更换原因</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>班主任分配</translation>
    </message>
    <message>
        <source>Select one or more members first.</source>
        <translation>请先选择一个或多个会员。</translation>
    </message>
    <message>
        <source>Change of mentor</source>
        <translation>更换班主任</translation>
    </message>
    <message>
        <source>%1 member(s) filed anew.</source>
        <translation>已为 %1 个会员重新设置业务分类。</translation>
    </message>
    <message>
        <source>%1 (%2 members)</source>
        <translation>%1（%2 个会员）</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign to a mentor</source>
        <translation>分配给班主任</translation>
    </message>
    <message>
        <source>%1 member(s) selected.</source>
        <translation>已选择 %1 个会员。</translation>
    </message>
    <message>
        <source>%1 of them already have a mentor: give the reason for the change.</source>
        <translation>其中 %1 个已有班主任，请填写更换原因。</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>班主任</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>更换原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>There is no active mentor. An administrator creates mentor accounts first.</source>
        <translation>没有在职的班主任。请系统管理员先创建班主任账户。</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand over the members of %1</source>
        <translation>移交 %1 的会员</translation>
    </message>
    <message>
        <source>%1 serves %2 member(s). They all go to other mentors; the change and its reason are kept in each member&apos;s history. Afterwards the administrator can deactivate the account.</source>
        <translation>%1 负责 %2 个会员。这些会员将全部移交给其他班主任，更换情况和原因记入每个会员的历史。移交后系统管理员即可停用该账户。</translation>
    </message>
    <message>
        <source>Each to the suggested mentor (same category and business, lightest load)</source>
        <translation>每个会员交给建议的班主任（同类别同业务、负担最轻）</translation>
    </message>
    <message>
        <source>All to one mentor:</source>
        <translation>全部交给一位班主任：</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>移交原因</translation>
    </message>
    <message>
        <source>Move all %1 member(s) of %2 to other mentors now?</source>
        <translation>现在把 %2 的全部 %1 个会员移交给其他班主任吗？</translation>
    </message>
    <message>
        <source>Choose the mentor who takes the members over.</source>
        <translation>请选择接手的班主任。</translation>
    </message>
    <message>
        <source>Handing over %1 members…</source>
        <translation>正在移交 %1 个会员……</translation>
    </message>
</context>
<context>
    <name>KindDialog</name>
    <message>
        <source>File under a business kind</source>
        <translation>设置业务分类</translation>
    </message>
    <message>
        <source>%1 member(s) selected. The business kinds are the office&apos;s list (setting “mentors.business_kinds”); the free-text main business is kept as it is.</source>
        <translation>已选择 %1 个会员。业务分类取自会籍管理部设定的分类（系统设置“mentors.business_kinds”）；会员的主营业务文字保持不变。</translation>
    </message>
    <message>
        <source>Automatic (by the main business&apos;s keywords)</source>
        <translation>自动（按主营业务的关键词归类）</translation>
    </message>
    <message>
        <source>Business kind</source>
        <translation>业务分类</translation>
    </message>
</context>
</TS>
