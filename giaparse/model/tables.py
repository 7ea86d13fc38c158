"""The three tables of both national templates, as frozen attrs classes.

Field order is the printed column/row order; each field's metadata holds its official label.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from giaparse.core.diagnostics import as_strings
from giaparse.core.values import Money
from giaparse.model.fields import count, delta, money, row


@attrs.frozen(slots=True)
class ExtraRow:
    """A row the template does not have (e.g. 其他主动公开文件), kept verbatim."""

    label: str = attrs.field(metadata={"label": "行名"})
    cells: tuple[str, ...] = attrs.field(converter=as_strings, metadata={"label": "单元格"})


def _extra_rows() -> tuple[ExtraRow, ...]:
    return ()


def _extra_rows_of(rows: Iterable[ExtraRow]) -> tuple[ExtraRow, ...]:
    return tuple(rows)


# ---- 表二 主动公开政府信息情况, template 2019 --------------------------------------------


@attrs.frozen(slots=True)
class DocumentCounts2019:
    new_made: int | None = count("本年新制作数量")
    new_published: int | None = count("本年新公开数量")
    total_published: int | None = count("对外公开总数量")


@attrs.frozen(slots=True)
class ItemCounts2019:
    previous_items: int | None = count("上一年项目数量")
    change: int | None = delta("本年增/减")
    decisions: int | None = count("处理决定数量")


@attrs.frozen(slots=True)
class FeeItems2019:
    previous_items: int | None = count("上一年项目数量")
    change: int | None = delta("本年增/减")


@attrs.frozen(slots=True)
class Procurement2019:
    items: int | None = count("采购项目数量")
    amount: Money | None = money("采购总金额")


@attrs.frozen(slots=True)
class ActiveDisclosure2019:
    """二、主动公开政府信息情况 (国办公开办函〔2019〕60号)."""

    regulations: DocumentCounts2019 = row("规章", DocumentCounts2019)
    normative_documents: DocumentCounts2019 = row("规范性文件", DocumentCounts2019)
    licensing: ItemCounts2019 = row("行政许可", ItemCounts2019)
    other_services: ItemCounts2019 = row("其他对外管理服务事项", ItemCounts2019)
    penalties: ItemCounts2019 = row("行政处罚", ItemCounts2019)
    coercion: ItemCounts2019 = row("行政强制", ItemCounts2019)
    fees: FeeItems2019 = row("行政事业性收费", FeeItems2019)
    procurement: Procurement2019 = row("政府集中采购", Procurement2019)
    extra_rows: tuple[ExtraRow, ...] = attrs.field(
        factory=_extra_rows, converter=_extra_rows_of, metadata={"label": "模板外的行"}
    )


# ---- 表二, template 2021 ---------------------------------------------------------------


@attrs.frozen(slots=True)
class DocumentCounts2021:
    issued: int | None = count("本年制发件数")
    repealed: int | None = count("本年废止件数")
    in_force: int | None = count("现行有效件数")


@attrs.frozen(slots=True)
class Decisions2021:
    decisions: int | None = count("本年处理决定数量")


@attrs.frozen(slots=True)
class Fees2021:
    amount: Money | None = money("本年收费金额（单位：万元）", unit="万元")


@attrs.frozen(slots=True)
class ActiveDisclosure2021:
    """二、主动公开政府信息情况 (国办公开办函〔2021〕30号)."""

    regulations: DocumentCounts2021 = row("规章", DocumentCounts2021)
    normative_documents: DocumentCounts2021 = row(
        "行政规范性文件", DocumentCounts2021, "规范性文件"
    )
    licensing: Decisions2021 = row("行政许可", Decisions2021)
    penalties: Decisions2021 = row("行政处罚", Decisions2021)
    coercion: Decisions2021 = row("行政强制", Decisions2021)
    fees: Fees2021 = row("行政事业性收费", Fees2021)
    extra_rows: tuple[ExtraRow, ...] = attrs.field(
        factory=_extra_rows, converter=_extra_rows_of, metadata={"label": "模板外的行"}
    )


# ---- 表三 收到和处理政府信息公开申请情况 ----------------------------------------------------


@attrs.frozen(slots=True)
class ApplicantCounts:
    """One row of 表三: a count per kind of applicant, and their 总计."""

    natural_person: int | None = count("自然人")
    commercial: int | None = count("商业企业")
    research: int | None = count("科研机构")
    social_welfare: int | None = count("社会公益组织")
    legal_services: int | None = count("法律服务机构")
    other_org: int | None = count("其他")
    total: int | None = count("总计")


A = ApplicantCounts


@attrs.frozen(slots=True)
class Applications2019:
    """三、收到和处理政府信息公开申请情况, 23 rows (2019 template)."""

    new_requests: A = row("一、本年新收政府信息公开申请数量", A)
    carried_over: A = row("二、上年结转政府信息公开申请数量", A)
    granted: A = row("三、本年度办理结果 （一）予以公开", A)
    partially_granted: A = row("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", A)
    withheld_state_secret: A = row("（三）不予公开 1.属于国家秘密", A)
    withheld_prohibited_by_law: A = row("2.其他法律行政法规禁止公开", A)
    withheld_security_stability: A = row("3.危及“三安全一稳定”", A)
    withheld_third_party: A = row("4.保护第三方合法权益", A)
    withheld_internal_affairs: A = row("5.属于三类内部事务信息", A)
    withheld_process_info: A = row("6.属于四类过程性信息", A)
    withheld_enforcement_files: A = row("7.属于行政执法案卷", A)
    withheld_administrative_query: A = row("8.属于行政查询事项", A)
    unavailable_not_held: A = row("（四）无法提供 1.本机关不掌握相关政府信息", A)
    unavailable_needs_creation: A = row("2.没有现成信息需要另行制作", A)
    unavailable_unclear: A = row("3.补正后申请内容仍不明确", A)
    not_processed_complaint: A = row("（五）不予处理 1.信访举报投诉类申请", A)
    not_processed_duplicate: A = row("2.重复申请", A)
    not_processed_publication: A = row("3.要求提供公开出版物", A)
    not_processed_excessive: A = row("4.无正当理由大量反复申请", A)
    not_processed_confirmation: A = row("5.要求行政机关确认或重新出具已获取信息", A)
    other_handling: A = row("（六）其他处理", A)
    total_processed: A = row("（七）总计", A)
    carried_forward: A = row("四、结转下年度继续办理", A)


@attrs.frozen(slots=True)
class Applications2021:
    """三、收到和处理政府信息公开申请情况, 25 rows (2021 template)."""

    new_requests: A = row("一、本年新收政府信息公开申请数量", A)
    carried_over: A = row("二、上年结转政府信息公开申请数量", A)
    granted: A = row("三、本年度办理结果 （一）予以公开", A)
    partially_granted: A = row("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", A)
    withheld_state_secret: A = row("（三）不予公开 1.属于国家秘密", A)
    withheld_prohibited_by_law: A = row("2.其他法律行政法规禁止公开", A)
    withheld_security_stability: A = row("3.危及“三安全一稳定”", A)
    withheld_third_party: A = row("4.保护第三方合法权益", A)
    withheld_internal_affairs: A = row("5.属于三类内部事务信息", A)
    withheld_process_info: A = row("6.属于四类过程性信息", A)
    withheld_enforcement_files: A = row("7.属于行政执法案卷", A)
    withheld_administrative_query: A = row("8.属于行政查询事项", A)
    unavailable_not_held: A = row("（四）无法提供 1.本机关不掌握相关政府信息", A)
    unavailable_needs_creation: A = row("2.没有现成信息需要另行制作", A)
    unavailable_unclear: A = row("3.补正后申请内容仍不明确", A)
    not_processed_complaint: A = row("（五）不予处理 1.信访举报投诉类申请", A)
    not_processed_duplicate: A = row("2.重复申请", A)
    not_processed_publication: A = row("3.要求提供公开出版物", A)
    not_processed_excessive: A = row("4.无正当理由大量反复申请", A)
    not_processed_confirmation: A = row("5.要求行政机关确认或重新出具已获取信息", A)
    other_no_correction: A = row(
        "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", A
    )
    other_unpaid_fee: A = row(
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", A
    )
    other_other: A = row("3.其他", A)
    total_processed: A = row("（七）总计", A)
    carried_forward: A = row("四、结转下年度继续办理", A)


# ---- 表四 政府信息公开行政复议、行政诉讼情况 -------------------------------------------------


@attrs.frozen(slots=True)
class ReviewOutcome:
    upheld: int | None = count("结果维持")
    corrected: int | None = count("结果纠正")
    other: int | None = count("其他结果")
    pending: int | None = count("尚未审结")
    total: int | None = count("总计")


@attrs.frozen(slots=True)
class Reviews:
    """四、政府信息公开行政复议、行政诉讼情况: one printed row of 15 values."""

    administrative_review: ReviewOutcome = row("行政复议", ReviewOutcome)
    litigation_direct: ReviewOutcome = row("行政诉讼·未经复议直接起诉", ReviewOutcome)
    litigation_after_review: ReviewOutcome = row("行政诉讼·复议后起诉", ReviewOutcome)


# The tables a Report of a built-in template holds. A template a user registers brings its
# own classes; type them with ``typing.cast`` where needed.
ActiveDisclosure = ActiveDisclosure2019 | ActiveDisclosure2021
Applications = Applications2019 | Applications2021
