"""EsSalud rules: every amount and date the site shows comes from here.

Pure Python on purpose (no Django): the calculator, the wizard, the plan pages and the
tests agree by construction, and the rules can be tested without a database. Every
function takes the day it computes for (``on``); none reads the clock. Every sentence they
return for people is a ``Text``, shown in the active language (``text``, ADR 6).
"""

from .agrarian import (
    EmployerClassification,
    agrarian_dependent,
    agrarian_employer_size,
    agrarian_independent,
    agrarian_sales_threshold,
)
from .contributions import artisanal_fisher, ex_cbssp_worker, pensioner, regular_dependent
from .coverage import (
    Contingency,
    CoverageStart,
    Plan,
    RegularCoverage,
    WaitingException,
    coverage_start,
    regular_covered,
)
from .dates import format_day
from .eligibility import (
    Checklist,
    Cost,
    Coverage,
    Document,
    EmployeeKind,
    IndependentKind,
    Match,
    MatchCode,
    OtherCover,
    PensionKind,
    Profile,
    Relative,
    Risk,
    Situation,
    Status,
    eligible_plans,
    potestativo_candidate,
)
from .errors import InvalidInput, ParameterDataError, PeriodNotCovered, RulesError
from .inputs import EmployerSize, RiskLevel
from .latency import Latency, latency_months
from .money import (
    Rounding,
    Unit,
    format_percent,
    format_soles,
    format_value,
    round_to_cent,
    round_to_sol,
)
from .parameters import (
    PARAMETER_NAMES,
    Band,
    Confidence,
    Parameters,
    ParameterValue,
    StartKind,
    UncertainEnd,
    covered_from,
    parameter_history,
    parameters_on,
)
from .potestativo import potestativo
from .registry import REGIMENES, CalculatorInput, Input, Regimen, calculate
from .results import Alternative, Contribution, Payer, PersonPremium, Step
from .sctr import sctr_dependent, sctr_independent
from .text import Date, Text, Translatable
from .vida import vida_premium

__all__ = [
    "Alternative",
    "PARAMETER_NAMES",
    "REGIMENES",
    "Band",
    "CalculatorInput",
    "Confidence",
    "Contingency",
    "Contribution",
    "CoverageStart",
    "Date",
    "EmployerClassification",
    "EmployerSize",
    "Input",
    "InvalidInput",
    "Latency",
    "ParameterDataError",
    "ParameterValue",
    "Parameters",
    "Payer",
    "PeriodNotCovered",
    "PersonPremium",
    "Plan",
    "Regimen",
    "StartKind",
    "UncertainEnd",
    "RegularCoverage",
    "RiskLevel",
    "Rounding",
    "RulesError",
    "Step",
    "Text",
    "Translatable",
    "Unit",
    "WaitingException",
    "agrarian_dependent",
    "agrarian_employer_size",
    "agrarian_independent",
    "agrarian_sales_threshold",
    "artisanal_fisher",
    "calculate",
    "coverage_start",
    "covered_from",
    "ex_cbssp_worker",
    "format_day",
    "format_percent",
    "format_soles",
    "format_value",
    "latency_months",
    "parameter_history",
    "parameters_on",
    "pensioner",
    "potestativo",
    "regular_covered",
    "regular_dependent",
    "round_to_cent",
    "round_to_sol",
    "sctr_dependent",
    "sctr_independent",
    "vida_premium",
    # eligibility
    "Checklist",
    "Cost",
    "Coverage",
    "Document",
    "EmployeeKind",
    "IndependentKind",
    "Match",
    "MatchCode",
    "OtherCover",
    "PensionKind",
    "Profile",
    "Relative",
    "Risk",
    "Situation",
    "Status",
    "eligible_plans",
    "potestativo_candidate",
]
