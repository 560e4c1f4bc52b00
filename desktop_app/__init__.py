"""Membership office of the Wuhan Construction Industry Association (武汉建筑业协会)."""

__version__ = "0.1.0"
APP_NAME = "MembershipOffice"
APP_AUTHOR = "WuhanCIA"
