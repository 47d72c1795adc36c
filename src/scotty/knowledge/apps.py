from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "scotty.knowledge"
    label = "knowledge"
