import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { installAfterCommit } from './after-commit.js';
import { dataSourceOptions, type DatabaseTarget } from './data-source-options.js';
import { runMigrations } from './migrate.js';

@Module({})
export class DatabaseModule {
  static forRoot(target: DatabaseTarget): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions({ prepareStatements: true, ...target }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            await runMigrations(dataSource, { exclusive: target.poolSize > 1 });
            installAfterCommit(dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}
