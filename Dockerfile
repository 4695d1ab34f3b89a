# Builds the one runnable jar, then runs it on a JRE. The database comes from DATASOURCES_DEFAULT_URL,
# _USERNAME and _PASSWORD (see docker-compose.yml); without them the jar would start its embedded MariaDB.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY db db
COPY frontend frontend
COPY backend backend
RUN ./mvnw -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /app lagesbild
WORKDIR /app
COPY --from=build /src/backend/target/lagesbild.jar /app/lagesbild.jar
USER lagesbild
ENV LAGESBILD_DATA_DIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/lagesbild.jar"]
