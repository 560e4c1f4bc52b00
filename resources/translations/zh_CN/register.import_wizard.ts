<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the roster workbook</source>
        <translation>选择会员名册工作簿</translation>
    </message>
    <message>
        <source>The office&apos;s Excel roster (.xlsx). Title rows, blank rows and a totals row are recognised. Nothing is written until you confirm.</source>
        <translation>办公室的 Excel 会员名册（.xlsx）。程序能识别标题行、空行和合计行。在您确认之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Path of the .xlsx file</source>
        <translation>.xlsx 文件的路径</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Reading the workbook…</source>
        <translation>正在读取工作簿…</translation>
    </message>
    <message>
        <source>Sheet “%1”, header in row %2, %3 data rows.</source>
        <translation>工作表“%1”，表头在第 %2 行，数据 %3 行。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>New, with a warning</source>
        <translation>新增（有提醒）</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>Unchanged, with a warning</source>
        <translation>无变化（有提醒）</translation>
    </message>
    <message>
        <source>Update, with a warning</source>
        <translation>更新（有提醒）</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Import members from Excel</source>
        <translation>从 Excel 导入会员</translation>
    </message>
    <message>
        <source>Imported %1 new members; updated %2 (%3 of them were already up to date); skipped %4 duplicate rows; %5 rows were not imported.</source>
        <translation>已新增 %1 个会员；更新 %2 个（其中 %3 个与名册一致，无需修改）；跳过重复行 %4 行；%5 行未导入。</translation>
    </message>
    <message>
        <source>%1 new members, %2 to update (%3 of them already up to date), %4 duplicate rows, %5 rows that cannot be imported.</source>
        <translation>将新增 %1 个会员，更新 %2 个（其中 %3 个与名册一致，无需修改），重复行 %4 行，不能导入 %5 行。</translation>
    </message>
    <message>
        <source>%1 of the rows written leave empty something the register needs (joining date, address, postcode): shown in yellow, listed under “With warnings”.</source>
        <translation>其中 %1 行缺少名册需要的内容（入会日期、通讯地址、邮政编码）：以黄色标出，可在“有提醒的行”中查看。</translation>
    </message>
    <message>
        <source>%1 blank, totals or repeated header rows are not members and were left out.</source>
        <translation>另有 %1 行空行、合计行或重复的表头，不是会员，已跳过。</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>保存未导入的行</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Could not save %1:
%2</source>
        <translation>无法保存 %1：
%2</translation>
    </message>
    <message>
        <source>%1 rejected rows with their reasons were saved to %2.</source>
        <translation>未导入的 %1 行及原因已保存到 %2。</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check each row</source>
        <translation>核对每一行</translation>
    </message>
    <message>
        <source>Each row is matched by its credit code: new members are added, members already in the register are updated, repeated rows are skipped, and rows with errors are listed with the reason. Nothing has been written yet.</source>
        <translation>按统一社会信用代码逐行对照：新会员将被新增，名册中已有的会员将被更新，重复的行将被跳过，有错误的行列出原因。目前尚未写入任何内容。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新增会员</translation>
    </message>
    <message>
        <source>Updates with changes</source>
        <translation>有修改的更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复行</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>With warnings</source>
        <translation>有提醒的行</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation>保存未导入的行…</translation>
    </message>
    <message>
        <source>Row %1 (%2): %3</source>
        <translation>第 %1 行（%2）：%3</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在核对各行…</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was written.</source>
        <translation>已取消导入，没有写入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>没有写入任何内容。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Save rejected rows to send back to the mentors…</source>
        <translation>保存未导入的行，退回班主任核对…</translation>
    </message>
</context>
</TS>
