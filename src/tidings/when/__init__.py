"""The when/ stage: time expressions found in the text, resolved against the publication date."""

from tidings.when.choose import event_date
from tidings.when.expressions import TimeExpression, find_time_expressions, packaged_grammar

__all__ = ["TimeExpression", "event_date", "find_time_expressions", "packaged_grammar"]
