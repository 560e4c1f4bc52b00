"""Messages of admission: key → (Chinese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "admission.back_payment_only_rejoining": (
        "只有重新入会的申请才涉及补缴会费恢复会籍（第十五条）。",
        "Only an application to rejoin involves paying back dues to restore the membership (Article 15).",
    ),
    "admission.attachments.bad_type": (
        "文件“{name}”：只接受 PDF、JPEG、PNG 文件（按文件内容判断，不是这三种格式之一）",
        'File "{name}": only PDF, JPEG and PNG files are accepted (judged by content, it is none of these)',
    ),
    "admission.attachments.extension_mismatch": (
        "文件“{name}”：内容是 {real} 文件，但扩展名是“{value}”，请核对是否选错文件",
        'File "{name}": the content is a {real} file but the extension is "{value}"; please check you chose the right file',
    ),
    "admission.attachments.not_found": (
        "找不到该附件，可能已被删除。",
        "Attachment not found; it may have been deleted.",
    ),
    "admission.attachments.choose_kind": (
        "资料类别：请选择",
        "Document kind: please choose",
    ),
    "admission.changed_meanwhile": (
        "该入会申请刚刚被其他人办理，您的操作未保存。请刷新后再办理。",
        "Someone else has just acted on this application; your action was not saved. Please refresh and try again.",
    ),
    "admission.application_form_missing": (
        "入会申请表：尚未填写",
        "Application form: not filled in yet",
    ),
    "admission.filing_form_missing": (
        "备案表：尚未填写",
        "Filing form: not filled in yet",
    ),
    "admission.choose_step_back": (
        "退回到：请选择一个已办理的步骤",
        "Back to: please choose a step that has been done",
    ),
    "admission.no_step_back": (
        "退回到：该申请尚未办理可退回的步骤",
        "Back to: the application has no step done that it could go back to",
    ),
    "admission.uscc_locked": (
        "统一社会信用代码：资料已提交后不能再更改代码，请先退回到“提交资料”之前",
        'Unified social credit code: the code cannot change once the documents are submitted; first send the application back to before "Documents"',
    ),
    "admission.choose_credit_result": (
        "考察结论：请选择“合格”或“不合格”",
        'Credit check result: please choose "passed" or "failed"',
    ),
    "admission.receipt_number_too_long": (
        "收据编号：过长（最多 40 字）",
        "Receipt number: too long (at most 40 characters)",
    ),
    "admission.receipt_used_by_application": (
        "收据编号：“{receipt}”已用于入会申请“{name}”（{application_number}）",
        'Receipt number: "{receipt}" is already used for the admission application "{name}" ({application_number})',
    ),
    "admission.receipt_issued": (
        "收据编号：“{receipt}”已开给“{payer}”（{issued_on:%Y-%m-%d}）",
        'Receipt number: "{receipt}" was issued to "{payer}" ({issued_on:%Y-%m-%d})',
    ),
    "admission.field_empty": (
        "{label}：{empty}",
        "{label}: {empty}",
    ),
    "admission.not_staff": (
        "{label}：所选人员不是在职的工作人员",
        "{label}: the person chosen is not a member of staff in service",
    ),
    "admission.bad_date": (
        "{label}：日期格式应为 2020-10-27",
        "{label}: dates are written like 2020-10-27",
    ),
    "admission.before_date": (
        "{label}：不能早于{not_before_label}（{isoformat}）",
        "{label}: must not be earlier than {not_before_label} ({isoformat})",
    ),
    "admission.history.requeued": (
        "{PRINT_KIND_LABELS}重新加入打印队列",
        "{PRINT_KIND_LABELS} put back in the print queue",
    ),
    "admission.history.printed": (
        "已打印{PRINT_KIND_LABELS}",
        "{PRINT_KIND_LABELS} printed",
    ),
    "admission.history.certificate_numbered": (
        "打印会员证时分配会员证编号 {number}",
        "Certificate number {number} given when the certificate was printed",
    ),
    "admission.history.step": (
        "{application_number} {title}：{summary}",
        "{application_number} {title}: {summary}",
    ),
    "admission.history.received": (
        "受理入会申请 {number} {name}",
        "Admission application {number} {name} accepted",
    ),
    "admission.history.changed": (
        "修改入会申请 {application_number}",
        "Admission application {application_number} changed",
    ),
    "admission.history.credit_failed": (
        "{application_number} 信用考察不合格",
        "{application_number}: credit check failed",
    ),
    "admission.history.queued": (
        "会员证、牌匾订制单已加入打印队列",
        "Certificate and plaque order put in the print queue",
    ),
    "admission.history.step_note": (
        "{application_number} {summary}：{text}",
        "{application_number} {summary}: {text}",
    ),
    "admission.history.closed": (
        "{what}入会申请 {application_number}：{text}",
        "Admission application {application_number} {what}: {text}",
    ),
    "admission.attachments.only_pdf_jpeg_png": (
        "文件“{name}”：只接受 PDF、JPEG、PNG 文件",
        'File "{name}": only PDF, JPEG and PNG files are accepted',
    ),
    "admission.attachments.unreadable_pdf": (
        "“{name}”不是有效的 PDF 文件（无法读取页面），请重新扫描或另存为 PDF 后再上传。",
        '"{name}" is not a valid PDF file (its pages cannot be read); please scan it again or save it as a PDF'
        " again before uploading.",
    ),
    "admission.attachments.pdf_password": (
        "“{name}”设置了打开密码，无法查看其内容。请上传没有密码的副本（例如在 PDF 阅读器中输入密码后“打印”为 PDF 另存一份）。",
        '"{name}" has an opening password and its content cannot be seen. Please upload a copy without a password'
        ' (e.g. type the password in a PDF reader and "print" it to a new PDF).',
    ),
    "admission.attachments.pdf_no_pages": (
        "“{name}”不是有效的 PDF 文件（没有页面），请重新扫描或另存为 PDF 后再上传。",
        '"{name}" is not a valid PDF file (it has no pages); please scan it again or save it as a PDF again before'
        " uploading.",
    ),
    "admission.attachments.image_too_large": (
        "“{name}”的图像尺寸过大，不像是扫描件或照片，可能已损坏；请缩小后（例如 600 dpi 以内）再上传。",
        '"{name}" is too large a picture for a scan or a photo and may be damaged; please make it smaller (e.g. at'
        " most 600 dpi) and upload it again.",
    ),
    "admission.attachments.image_too_large_size": (
        "“{name}”的图像尺寸过大（{width} × {height} 像素），不像是扫描件或照片，可能已损坏；请缩小后（例如 600 dpi 以内）再上传。",
        '"{name}" is too large a picture ({width} × {height} pixels) for a scan or a photo and may be damaged;'
        " please make it smaller (e.g. at most 600 dpi) and upload it again.",
    ),
    "admission.attachments.bad_image": (
        "“{name}”不是有效的 {kind} 图片（无法完整读取，可能已损坏或不完整），请重新扫描或另存后再上传。",
        '"{name}" is not a valid {kind} picture (it cannot be read in full and may be damaged or cut short);'
        " please scan or save it again before uploading.",
    ),
    "admission.attachments.documents_locked": (
        "资料已确认齐全，不能再删除；如需更换，请先退回到“提交资料”。",
        "The documents were confirmed complete and cannot be deleted; to replace one, first send the application"
        ' back to "Documents".',
    ),
    "admission.attachments.credit_locked": (
        "信用考察已记录，其材料不能再删除；如需更换，请先退回到“信用考察”。",
        "The credit check is recorded and its documents cannot be deleted; to replace one, first send the"
        ' application back to "Credit check".',
    ),
}
