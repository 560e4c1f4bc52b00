<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Member register</source>
        <translation>会员名册</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>入会申请</translation>
    </message>
    <message>
        <source>Mentors' work</source>
        <translation>班主任工作</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书打印</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>工作人员账户</translation>
    </message>
    <message>
        <source>Membership Office – Wuhan Construction Industry Association</source>
        <translation>武汉建筑业协会会籍管理</translation>
    </message>
    <message>
        <source> [demo database]</source>
        <translation>【演示数据库】</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read everything again: show what other workstations did meanwhile</source>
        <translation>重新读取全部数据：显示其他工作站在此期间所做的更改</translation>
    </message>
    <message>
        <source>Start where I left off (instead of the workbench)</source>
        <translation>启动时回到上次的区域（而不是工作台）</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Go to the search box of the area</source>
        <translation>转到本区域的搜索框</translation>
    </message>
    <message>
        <source>Clear the search box; close a dialog (asks first when something was typed)</source>
        <translation>清空搜索框；关闭对话框（已输入内容时先询问）</translation>
    </message>
    <message>
        <source>Open the selected row (a double-click does the same)</source>
        <translation>打开所选行（双击亦可）</translation>
    </message>
    <message>
        <source>Refresh: read again what other workstations did</source>
        <translation>刷新：重新读取其他工作站所做的更改</translation>
    </message>
    <message>
        <source>Save the form being edited</source>
        <translation>保存正在编辑的表单</translation>
    </message>
    <message>
        <source>Copy the selected rows (paste into Excel or WPS)</source>
        <translation>复制所选行（可粘贴到 Excel 或 WPS）</translation>
    </message>
    <message>
        <source>New member (member register)</source>
        <translation>新建会员（会员名册）</translation>
    </message>
    <message>
        <source>The tabs of the withdrawal area</source>
        <translation>退会管理的各个标签页</translation>
    </message>
    <message>
        <source>The menu of the selected rows: open, print, export what I see to Excel</source>
        <translation>所选行的菜单：打开、打印、将当前列表导出为 Excel</translation>
    </message>
    <message>
        <source>Select every row of a list</source>
        <translation>选择列表中的所有行</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>本快捷键列表</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
    <message>
        <source>The new language is used from the next start of the program.</source>
        <translation>新的界面语言将在下次启动程序时生效。</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Membership Office %1
Wuhan Construction Industry Association

Database: %2</source>
        <translation>会籍管理 %1
武汉建筑业协会

数据库：%2</translation>
    </message>
</context>
</TS>
