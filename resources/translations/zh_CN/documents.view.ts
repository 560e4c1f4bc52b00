<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DocumentsView</name>
    <message>
        <source>Membership certificate</source>
        <translation>会员证</translation>
    </message>
    <message>
        <source>Certificate calibration page</source>
        <translation>会员证套打校准页</translation>
    </message>
    <message>
        <source>Plaque order</source>
        <translation>牌匾订制单</translation>
    </message>
    <message>
        <source>Contact handover form</source>
        <translation>联系资料交接通知单</translation>
    </message>
    <message>
        <source>Withdrawal notice</source>
        <translation>退会告知书</translation>
    </message>
    <message>
        <source>Dues receipt</source>
        <translation>会费收据</translation>
    </message>
    <message>
        <source>Application form</source>
        <translation>入会申请表</translation>
    </message>
    <message>
        <source>Filing form</source>
        <translation>入会备案表</translation>
    </message>
    <message>
        <source>Address labels</source>
        <translation>地址标签</translation>
    </message>
    <message>
        <source>Envelopes</source>
        <translation>信封</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Valid for (years)</source>
        <translation>有效期（年）</translation>
    </message>
    <message>
        <source>Assign certificate numbers to members without one</source>
        <translation>为没有会员证编号的会员分配编号</translation>
    </message>
    <message>
        <source>Year on the plaque</source>
        <translation>牌匾年份</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材质</translation>
    </message>
    <message>
        <source>Plaques per member</source>
        <translation>每个会员数量</translation>
    </message>
    <message>
        <source>Engraving vendor</source>
        <translation>制作单位</translation>
    </message>
    <message>
        <source>Form date</source>
        <translation>填表日期</translation>
    </message>
    <message>
        <source>Member reported the change on</source>
        <translation>会员报告变更日期</translation>
    </message>
    <message>
        <source>Changes (one per line: item=new value)</source>
        <translation>变更事项（每行“项目=新内容”）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Notice date</source>
        <translation>告知日期</translation>
    </message>
    <message>
        <source>Dues year(s)</source>
        <translation>会费年度</translation>
    </message>
    <message>
        <source>Receipt date</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>收款人</translation>
    </message>
    <message>
        <source>Receipt number (reprints only)</source>
        <translation>收据编号（仅补打时填写）</translation>
    </message>
    <message>
        <source>Label sheet</source>
        <translation>标签纸</translation>
    </message>
    <message>
        <source>Labels already used on the first sheet</source>
        <translation>第一张已用掉的标签数</translation>
    </message>
    <message>
        <source>Addressed to</source>
        <translation>收件人</translation>
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
        <source>As in the settings</source>
        <translation>按系统设置</translation>
    </message>
    <message>
        <source>Empty: you</source>
        <translation>留空：当前登录人</translation>
    </message>
    <message>
        <source>Empty: the next number</source>
        <translation>留空：自动取下一个编号</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>填写内容</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>另存为 Excel…</translation>
    </message>
    <message>
        <source>Seal image…</source>
        <translation>印章图片…</translation>
    </message>
    <message>
        <source>The association&apos;s seal printed on notices and receipts (PNG with a transparent background)</source>
        <translation>印在退会告知书和会费收据上的协会印章（透明背景的 PNG 图片）</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>The members listed below</source>
        <translation>下列会员</translation>
    </message>
    <message>
        <source>All active members</source>
        <translation>全部正常会员</translation>
    </message>
    <message>
        <source>A blank form</source>
        <translation>空白表</translation>
    </message>
    <message>
        <source>Search name, member number, credit code, liaison or phone</source>
        <translation>搜索单位名称、会员编号、信用代码、联络员或电话</translation>
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
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>From the register</source>
        <translation>取自会员名册</translation>
    </message>
    <message>
        <source>Add the member selected in the member register</source>
        <translation>添加在会员名册中选中的会员</translation>
    </message>
    <message>
        <source>Certificate printer offset on this computer</source>
        <translation>本机打印会员证的偏移量</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> 毫米</translation>
    </message>
    <message>
        <source>X (right +)</source>
        <translation>X（向右为正）</translation>
    </message>
    <message>
        <source>Y (down +)</source>
        <translation>Y（向下为正）</translation>
    </message>
    <message>
        <source>Show the certificate stock in the preview</source>
        <translation>预览时显示证书纸底纹</translation>
    </message>
    <message>
        <source>Select a member in the member register first.</source>
        <translation>请先在会员名册中选中一个会员。</translation>
    </message>
    <message>
        <source>Will print for all %1 active member(s)</source>
        <translation>将打印 %1 个会员（全部正常会员）</translation>
    </message>
    <message>
        <source>Will print one blank form</source>
        <translation>将打印一份空白表格</translation>
    </message>
    <message numerus="yes">
        <source>Chosen: %n member(s)</source>
        <translation>
            <numerusform>已选 %n 个会员</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose members first, or choose all active members.</source>
        <translation>请先选择会员，或选择“全部正常会员”。</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Generating %1…</source>
        <translation>正在生成%1…</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was generated.</source>
        <translation>已取消，未生成任何文件。</translation>
    </message>
    <message>
        <source>Nothing was generated.</source>
        <translation>未生成任何文件。</translation>
    </message>
    <message>
        <source> Receipt numbers used: %1 – %2.</source>
        <translation>已使用收据编号 %1 – %2。</translation>
    </message>
    <message>
        <source>printed, but</source>
        <translation>已生成，但</translation>
    </message>
    <message>
        <source>not printed:</source>
        <translation>未生成：</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Seal image</source>
        <translation>印章图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>The seal is printed on withdrawal notices and dues receipts from now on.</source>
        <translation>此后退会告知书和会费收据上将印此印章。</translation>
    </message>
</context>
</TS>
