<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>RosterExport</name>
    <message>
        <source>&amp;Import members from Excel…</source>
        <translation>从 Excel 导入会员(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export roster…</source>
        <translation>导出会员名册(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>RosterExportDialog</name>
    <message>
        <source>Export roster</source>
        <translation>导出会员名册</translation>
    </message>
    <message>
        <source>The roster lists the active members by membership level, then by join date. Publish the public version on the website and in the work groups.</source>
        <translation>会员名册列出所有在册会员，按会员级别、再按入会日期排序。在协会网站和内部工作群发布时请用公开版。</translation>
    </message>
    <message>
        <source>Internal version, with every contact detail</source>
        <translation>内部版：含全部联系方式</translation>
    </message>
    <message>
        <source>Public version, without mobile phones, WeChat and e-mail</source>
        <translation>公开版：不含手机、微信和电子邮箱</translation>
    </message>
    <message>
        <source>Published on the association&apos;s website</source>
        <translation>发布到协会网站（登记发布记录）</translation>
    </message>
    <message>
        <source>Published in the internal work groups</source>
        <translation>发布到内部工作群（登记发布记录）</translation>
    </message>
    <message>
        <source>Save as &amp;Excel…</source>
        <translation>保存为 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;PDF preview…</source>
        <translation>PDF 预览(&amp;P)…</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The roster (%1, %2 members) was saved to %3.</source>
        <translation>会员名册（%1，%2 个会员）已保存到 %3。</translation>
    </message>
    <message>
        <source>Writing the roster…</source>
        <translation>正在生成会员名册…</translation>
    </message>
    <message>
        <source>Some characters are in no installed font and are printed as 〓:</source>
        <translation>以下文字中有字符在已安装的字体中都没有，印为“〓”：</translation>
    </message>
</context>
</TS>
