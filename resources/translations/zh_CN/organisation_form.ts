<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>OrganisationForm</name>
    <message>
        <source>Not saved: please correct the fields marked in red.</source>
        <translation>未保存：请更正标红的项目。</translation>
    </message>
</context>
</TS>
