"""Messages of validation: key → (Chinese, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "validation.required": (
        "不能为空",
        "must not be empty",
    ),
    "validation.resident_id": (
        "这是居民身份证号码。协会只接纳单位会员，不接受个人（第三条）",
        "this is a resident identity card number. The association admits organisations only, not individuals (Article 3)",
    ),
    "validation.uscc_length": (
        "应为 18 位，现为 {count} 位",
        "should have 18 characters, has {count}",
    ),
    "validation.uscc_authority": (
        "第 1 位登记管理部门代码“{code}”无效",
        'the registration authority code "{code}" in position 1 is not valid',
    ),
    "validation.uscc_division": (
        "第 3–8 位应为行政区划代码（6 位数字）",
        "positions 3–8 should be the administrative division code (6 digits)",
    ),
    "validation.uscc_individual_business": (
        "这是个体工商户的代码（92 开头）。协会只接纳单位会员，不接受个体工商户（第三条）",
        "this is an individual business's code (starting with 92). The association admits organisations only, not individual businesses (Article 3)",
    ),
    "validation.uscc_check_character": (
        "校验码错误：第 18 位应为“{expected}”，实为“{code}”，请核对是否录错",
        'wrong check character: position 18 should be "{expected}", not "{code}"; please check for a typing error',
    ),
    "validation.uscc_category_mismatch": (
        "代码显示该单位为“{type_label}”（{type_code}），与所选类别“{label}”不符",
        'the code shows the organisation is "{type_label}" ({type_code}), which does not match the chosen category "{label}"',
    ),
    "validation.too_long_200": (
        "过长（最多 200 字）",
        "too long (at most 200 characters)",
    ),
    "validation.individual_business_name": (
        "个体工商户不能入会，协会只接纳单位会员（第三条）",
        "individual businesses cannot join; the association admits organisations only (Article 3)",
    ),
    "validation.person_name": (
        "看起来是个人姓名。协会只接纳单位会员，不接受个人（第三条）",
        "this looks like a person's name. The association admits organisations only, not individuals (Article 3)",
    ),
    "validation.bad_mobile": (
        "“{clean_text}”不是有效的手机号码（11 位，以 13–19 开头）",
        '"{clean_text}" is not a valid mobile number (11 digits, starting with 13–19)',
    ),
    "validation.bad_landline": (
        "“{original}”不是有效的座机号码（武汉座机如 027-85771234）",
        '"{original}" is not a valid landline number (a Wuhan landline looks like 027-85771234)',
    ),
    "validation.bad_postcode": (
        "“{clean_text}”不是有效的邮政编码（6 位数字，武汉为 430 开头）",
        '"{clean_text}" is not a valid postcode (6 digits; Wuhan\'s start with 430)',
    ),
    "validation.bad_email": (
        "“{text}”不是有效的电子邮箱地址",
        '"{text}" is not a valid e-mail address',
    ),
    "validation.uscc_bad_character": (
        "第 {position} 位“{char}”不是有效字符{hint}",
        'character {position}, "{char}", is not allowed{hint}',
    ),
    "validation.uscc_looks_like_resident_id": (
        "不是有效的统一社会信用代码，看起来是居民身份证号码。协会不接受个人会员（第三条）",
        "not a valid unified social credit code; it looks like a resident identity card number. The association does not admit individuals (Article 3)",
    ),
    "validation.uscc_type_not_admitted": (
        "代码显示该单位为“{type_label}”（{type_code}），不属于第三条规定可入会的单位类型",
        'the code shows the organisation is "{type_label}" ({type_code}), which is not a kind of organisation Article 3 admits',
    ),
    "validation.bad_wuhan_landline": (
        "“{original}”不是有效的武汉座机号码（区号 027 后应为 8 位）",
        '"{original}" is not a valid Wuhan landline number (8 digits after the area code 027)',
    ),
}
